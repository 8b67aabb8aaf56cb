import { ERROR_CODES, KonformError } from '../model/errors.js';

/** A flag value that must be a whole number within [min, max]. */
export function wholeNumber(value: string | undefined, flag: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || number < min || number > max) {
    throw new KonformError(ERROR_CODES.USAGE, `${flag} must be a whole number from ${min} to ${max}, got "${value}"`);
  }
  return number;
}
