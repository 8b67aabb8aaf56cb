import { describe, expect, it } from 'vitest';
import { Twins } from '../../src/crawl/twins.js';

const URL_A = 'http://127.0.0.1/a';

/** A Twins holding the object parsed from `listed` for URL_A, and the answer `served` parsed by it. */
function answer(listed: string, served: string) {
  const twins = new Twins();
  const twin = JSON.parse(listed) as unknown;
  twins.offer(URL_A, twin);
  return { twin, parsed: twins.parse(URL_A, served) };
}

describe('Twins.parse', () => {
  it('gives the waiting object for an answer with the same text', () => {
    const { twin, parsed } = answer('{"id":"x","n":[1,2]}', '{"id":"x","n":[1,2]}');
    expect(parsed.ok && parsed.value).toBe(twin);
  });

  it('gives the waiting object for an answer equal in value but written differently', () => {
    const { twin, parsed } = answer('{"id":"x","n":[1,2]}', '{ "n": [1, 2],\n  "id": "x" }');
    expect(parsed.ok && parsed.value).toBe(twin);
  });

  it('keeps an answer that differs, and one whose text matches only because JSON text loses -0 or an overflow', () => {
    for (const [listed, served] of [['{"id":"x"}', '{"id":"y"}'], ['{"n":-0}', '{"n":0}'], ['{"n":1e400}', '{"n":null}']] as const) {
      const { twin, parsed } = answer(listed, served);
      expect(parsed).toEqual({ ok: true, value: JSON.parse(served) });
      expect(parsed.ok && parsed.value).not.toBe(twin);
    }
  });

  it('offers the waiting object once, and reports a body that is not JSON', () => {
    const twins = new Twins();
    twins.offer(URL_A, { id: 'x' });
    expect(twins.parse(URL_A, 'not json').ok).toBe(false);
    const again = twins.parse(URL_A, '{"id":"x"}');
    expect(again).toEqual({ ok: true, value: { id: 'x' } });
  });
});
