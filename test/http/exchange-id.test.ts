import { describe, expect, it } from 'vitest';
import { createExchangeIds } from '../../src/http/exchange-id.js';

describe('exchange IDs', () => {
  it('follow from what was asked, not from when', () => {
    const oneRun = createExchangeIds();
    const otherRun = createExchangeIds();
    const a = oneRun('GET', 'http://h/a', ['accept']);
    const b = oneRun('GET', 'http://h/b', ['accept']);
    expect([otherRun('GET', 'http://h/b', ['accept']), otherRun('GET', 'http://h/a', ['accept'])]).toEqual([b, a]);
    expect(a).toMatch(/^x[0-9a-f]{12}$/);
  });

  it('tell apart methods, header names and repetitions of the same request', () => {
    const ids = createExchangeIds();
    const asked = [
      ids('GET', 'http://h/a', ['accept']),
      ids('HEAD', 'http://h/a', ['accept']),
      ids('GET', 'http://h/a', ['accept', 'authorization']),
      ids('GET', 'http://h/a', ['accept']),
    ];
    expect(new Set(asked).size).toBe(4);
    expect(asked[3]).toBe(`${asked[0]}-2`);
  });
});
