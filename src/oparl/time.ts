/**
 * Date-times konform sends in OParl filters (§2.5: "eine vollständige date-time-Angabe", §2.4:
 * yyyy-mm-ddThh:mm:ss±hh:mm), and the choice of one that splits a list.
 */

/** The OParl date-time of an instant, in UTC. */
export function dateTimeOf(instant: number): string {
  return `${new Date(instant).toISOString().slice(0, 19)}+00:00`;
}

/**
 * An instant for lists without any: the filter then shows only that the server takes the
 * parameter. A fixed one, so that every run asks the same (runs compare, and replay, src/replay).
 */
const NO_INSTANT = Date.UTC(2000, 0, 1);

/**
 * A whole second that splits the instants given: strictly between the two around the middle
 * where they lie a second or more apart, else the middle one itself (NO_INSTANT, when there is none).
 */
export function splittingInstant(instants: ReadonlyArray<number | undefined>): number {
  const sorted = [...new Set(instants.filter((instant): instant is number => instant !== undefined))].sort((a, b) => a - b);
  if (sorted.length === 0) return NO_INSTANT;
  const lower = sorted[Math.floor((sorted.length - 1) / 2)] as number;
  const upper = sorted[Math.floor((sorted.length - 1) / 2) + 1];
  if (upper === undefined) return Math.floor(lower / 1000) * 1000;
  const between = Math.floor((lower + upper) / 2 / 1000) * 1000;
  return between > lower && between < upper ? between : Math.floor(lower / 1000) * 1000;
}
