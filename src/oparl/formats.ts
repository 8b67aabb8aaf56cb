/**
 * The string types of OParl §2.4 ("In OParl verwendete Datentypen", "Datums- und Zeitangaben"):
 * `url` is an absolute URL (§2.3, RFC 3986 §4.3); a `date` has the form yyyy-mm-dd and a
 * `date-time` the form yyyy-mm-ddThh:mm:ss±hh:mm — no fractions of a second, no "Z" — and both
 * name a real day and time.
 */
import type { Ajv2020 } from 'ajv/dist/2020.js';

const ABSOLUTE_URL = /^[a-z][a-z0-9+.-]*:\S+$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})[+-](\d{2}):(\d{2})$/;

function isUrl(value: string): boolean {
  return ABSOLUTE_URL.test(value) && URL.canParse(value);
}

function isDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isDateTime(value: string): boolean {
  const match = DATE_TIME.exec(value);
  if (!match) return false;
  const [hour, minute, second, offsetHours, offsetMinutes] = match.slice(2).map(Number) as [number, number, number, number, number];
  return isDate(match[1] as string) && hour < 24 && minute < 60 && second < 60 && offsetHours < 24 && offsetMinutes < 60;
}

export function addOParlFormats(ajv: Ajv2020): void {
  ajv.addFormat('oparl-url', { type: 'string', validate: isUrl });
  ajv.addFormat('oparl-date', { type: 'string', validate: isDate });
  ajv.addFormat('oparl-date-time', { type: 'string', validate: isDateTime });
}

/** The instant a date-time names, in ms since the epoch; any form Date.parse reads is taken. */
export function instantOf(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : time;
}
