/**
 * The creation time of an XÖV message: an xs:dateTime (XML Schema Part 2 §3.2.7) that is not
 * later than now plus a tolerance. A time without timezone may be any of the instants from
 * +14:00 to -14:00 (§3.2.7.4, order relation): konform takes the earliest, so only a time
 * that is in the future wherever it was written counts as in the future.
 */
const DATE_TIME = /^(-?\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2}(?:\.\d+)?)(Z|[+-]\d{2}:\d{2})?$/;
const HOUR = 3_600_000;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The earliest instant the value can denote, in ms since the epoch; undefined when it is not an xs:dateTime. */
export function earliestInstant(value: string): number | undefined {
  const match = DATE_TIME.exec(value);
  if (!match) return undefined;
  const [year, month, day, hour, minute] = match.slice(1, 6).map(Number) as [number, number, number, number, number];
  const second = Number(match[6]);
  const zone = match[7];
  const endOfDay = hour === 24 && minute === 0 && second === 0;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if ((hour > 23 && !endOfDay) || minute > 59 || second >= 60) return undefined;
  let offset = 14 * HOUR;
  if (zone && zone !== 'Z') {
    const [zoneHours, zoneMinutes] = zone.slice(1).split(':').map(Number) as [number, number];
    if (zoneMinutes > 59 || zoneHours * 60 + zoneMinutes > 14 * 60) return undefined;
    offset = (zone.startsWith('-') ? -1 : 1) * (zoneHours * HOUR + zoneMinutes * 60_000);
  } else if (zone === 'Z') {
    offset = 0;
  }
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, 0, 0);
  return date.getTime() + second * 1000 - offset;
}

/** What is wrong with the creation time, as the end of a sentence; undefined when nothing is. */
export function creationTimeProblem(value: string, now: Date, toleranceSeconds: number): string | undefined {
  const instant = earliestInstant(value);
  if (instant === undefined) return `"${value}" is not an xs:dateTime`;
  const latest = now.getTime() + toleranceSeconds * 1000;
  return instant > latest ? `${value} is in the future (now is ${now.toISOString()}, tolerance ${toleranceSeconds} s)` : undefined;
}
