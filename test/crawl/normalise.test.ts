import { describe, expect, it } from 'vitest';
import { normaliseUrl } from '../../src/crawl/normalise.js';

describe('normaliseUrl', () => {
  it('gives one spelling per resource (RFC 3986 §6.2.2)', () => {
    const same = [
      'http://Example.ORG:80/a/./b/../c?x=%7e&y=%2f#top',
      'HTTP://example.org/a/c?x=~&y=%2F',
      'http://example.org/a/%63?x=%7E&y=%2f',
    ];
    expect(new Set(same.map((url) => normaliseUrl(url)))).toEqual(new Set(['http://example.org/a/c?x=~&y=%2F']));
  });

  it('resolves relative links against their base and keeps query order and case of the path', () => {
    expect(normaliseUrl('../../paper/1?b=2&a=1', 'https://oparl.example.org/body/1/papers')).toBe('https://oparl.example.org/paper/1?b=2&a=1');
    expect(normaliseUrl('/Paper/1', 'https://oparl.example.org/')).toBe('https://oparl.example.org/Paper/1');
  });

  it('refuses what is not an http(s) URL', () => {
    expect(normaliseUrl('mailto:ris@example.org')).toBeUndefined();
    expect(normaliseUrl('not a url')).toBeUndefined();
    expect(normaliseUrl('ftp://example.org/file')).toBeUndefined();
  });
});
