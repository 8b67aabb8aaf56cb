/**
 * One copy for an object found twice: inside a body (an item of a list page, an embedded
 * object) and at its own URL. An object offered here waits for its URL to be fetched; when the
 * answer equals it, the record keeps the object already held, and the answer is not kept as a
 * second tree. A list and its items' own answers would otherwise hold every object twice.
 *
 * Most servers serialise an object the same way in a list and at its own URL, so the answer's
 * text is first compared with the waiting object's JSON text: when they match, the answer is
 * not parsed at all. Otherwise it is parsed and compared value by value (core/json-equal.ts).
 */
import { parseJson, type JsonParseResult } from '../openapi/json-syntax.js';
import { jsonEqual } from '../core/json-equal.js';

/**
 * Whether JSON.stringify loses a number of `value`: -0 is written as 0 and a number beyond
 * the double range (parsed as ±Infinity) as null, so its text would not parse back to it.
 */
function hasLossyNumber(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isFinite(value) || Object.is(value, -0);
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some(hasLossyNumber);
  for (const name in value) if (hasLossyNumber((value as Record<string, unknown>)[name])) return true;
  return false;
}

export class Twins {
  /** Objects by the normalised URL they are served at, not fetched yet. */
  private readonly waiting = new Map<string, unknown>();

  offer(url: string, value: unknown): void {
    if (!this.waiting.has(url)) this.waiting.set(url, value);
  }

  /**
   * The body of the 2xx answer at `url`, parsed: the object waiting for that URL, if the two
   * are equal (`twin` then says so).
   */
  parse(url: string, text: string): JsonParseResult & { twin?: true } {
    const twin = this.waiting.get(url);
    if (twin === undefined) return parseJson(text);
    this.waiting.delete(url);
    if (text === JSON.stringify(twin) && !hasLossyNumber(twin)) return { ok: true, value: twin, twin: true };
    const parsed = parseJson(text);
    return parsed.ok && jsonEqual(twin, parsed.value) ? { ok: true, value: twin, twin: true } : parsed;
  }
}
