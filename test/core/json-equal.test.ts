import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { jsonEqual } from '../../src/core/json-equal.js';

/** Pairs of JSON texts; jsonEqual must agree with isDeepStrictEqual on each pair as parsed. */
const PAIRS: Array<[string, string]> = [
  ['{"a":1,"b":[1,2,{"c":"x"}]}', '{"b":[1,2,{"c":"x"}],"a":1}'],
  ['{"a":1,"b":[1,2,{"c":"x"}]}', '{"a":1,"b":[1,2,{"c":"y"}]}'],
  ['{"a":1}', '{"a":1,"b":null}'],
  ['{"a":null}', '{"b":null}'],
  ['{"a":0}', '{"a":-0}'],
  ['-0', '-0'],
  ['0', '-0'],
  ['[1,2]', '[1,2,3]'],
  ['[]', '{}'],
  ['{"a":[]}', '{"a":{}}'],
  ['"1"', '1'],
  ['true', 'true'],
  ['null', 'false'],
  ['1e400', '1e400'],
  ['{"__proto__":{"x":1}}', '{"__proto__":{"x":1}}'],
  ['{"__proto__":{"x":1}}', '{"__proto__":{"x":2}}'],
  ['{"a":{"b":{"c":[{"d":"e"}]}}}', '{"a":{"b":{"c":[{"d":"e"}]}}}'],
];

describe('jsonEqual', () => {
  it.each(PAIRS)('agrees with isDeepStrictEqual on %s and %s', (left, right) => {
    const [a, b] = [JSON.parse(left) as unknown, JSON.parse(right) as unknown];
    expect(jsonEqual(a, b)).toBe(isDeepStrictEqual(a, b));
    expect(jsonEqual(b, a)).toBe(isDeepStrictEqual(b, a));
  });

  it('hands values other than plain objects and arrays to isDeepStrictEqual', () => {
    expect(jsonEqual(new Date(0), new Date(0))).toBe(true);
    expect(jsonEqual(new Date(0), new Date(1))).toBe(false);
    expect(jsonEqual(new Map([[1, 2]]), {})).toBe(false);
  });
});
