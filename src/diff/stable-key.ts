/**
 * Keys that name the same result or finding in two runs. What differs between runs of the same
 * target by nature is left out: exchange IDs, timestamps and durations are never part of a key,
 * and the target's own URL (vendor test system against city production, or a new port) is
 * written as `<target>` wherever it appears in an ID, a message or a location.
 */
import type { Report } from '../model/report.js';
import type { Finding, FindingLocation } from '../model/types.js';

export type Normalise = (text: string) => string;

const TARGET = '<target>';

/** Replaces the target's URL (without a trailing slash), then its origin, by `<target>`. */
export function targetNormaliser(report: Report): Normalise {
  const url = report.target.url;
  if (url === undefined) return (text) => text;
  const base = url.replace(/\/+$/, '');
  let origin: string | undefined;
  try {
    origin = new URL(url).origin;
  } catch {
    origin = undefined;
  }
  return (text) => {
    const replaced = text.split(base).join(TARGET);
    return origin === undefined || origin === 'null' ? replaced : replaced.split(origin).join(TARGET);
  };
}

const LOCATION_FIELDS: readonly (keyof FindingLocation)[] = ['operation', 'specPointer', 'bodyPointer', 'file', 'line', 'column', 'xpath'];

/** Result ID, code, rule, location (pointer, file and line, XPath) and message. */
export function findingKey(resultKey: string, finding: Finding, normalise: Normalise): string {
  const location = LOCATION_FIELDS.map((field) => {
    const value = finding.location?.[field];
    return typeof value === 'string' ? normalise(value) : (value ?? null);
  });
  return JSON.stringify([resultKey, finding.code, finding.rule ?? null, location, normalise(finding.message)]);
}
