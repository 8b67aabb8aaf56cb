/**
 * Deep strict equality of two values JSON.parse gave (RFC 8259 §3: objects, arrays, strings,
 * numbers, true, false, null), with the outcome of `util.isDeepStrictEqual` at a fraction of
 * its cost: member order does not matter, numbers compare with Object.is (0 and -0 differ).
 * Arrays compare element by element, as JSON.parse makes them dense and without further
 * properties; anything that is neither a plain object nor an array goes to `isDeepStrictEqual`.
 */
import { isDeepStrictEqual } from 'node:util';

const hasOwn = Object.prototype.hasOwnProperty;

export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return a !== 0 || Object.is(a, b);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Object.is(a, b);
  const prototype = Object.getPrototypeOf(a) as unknown;
  if (prototype !== Object.getPrototypeOf(b)) return false;
  if (prototype === Array.prototype) return arraysEqual(a as unknown[], b as unknown[]);
  if (prototype !== Object.prototype) return isDeepStrictEqual(a, b);
  return objectsEqual(a as Record<string, unknown>, b as Record<string, unknown>);
}

function arraysEqual(a: unknown[], b: unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index += 1) if (!jsonEqual(a[index], b[index])) return false;
  return true;
}

function objectsEqual(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const names = Object.keys(a);
  if (names.length !== Object.keys(b).length) return false;
  for (const name of names) if (!hasOwn.call(b, name) || !jsonEqual(a[name], b[name])) return false;
  return true;
}
