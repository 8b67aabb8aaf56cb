/**
 * One copy for an object found twice: inside a body (an item of a list page, an embedded
 * object) and at its own URL. An object offered here waits for its URL to be fetched; when the
 * answer equals it, the record keeps the object already held, and the second parse is dropped.
 * A list and its items' own answers would otherwise hold every object twice.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Fetched } from './types.js';

export class Twins {
  /** Objects by the normalised URL they are served at, not fetched yet. */
  private readonly waiting = new Map<string, unknown>();

  offer(url: string, value: unknown): void {
    if (!this.waiting.has(url)) this.waiting.set(url, value);
  }

  /** Gives `fetched` the object waiting for its URL, if the two are equal. */
  share(fetched: Fetched): void {
    const twin = this.waiting.get(fetched.url);
    if (twin === undefined) return;
    this.waiting.delete(fetched.url);
    if (isDeepStrictEqual(twin, fetched.json)) fetched.json = twin;
  }
}
