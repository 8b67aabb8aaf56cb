import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { oparlLinks, oparlLinksWith } from '../../src/crawl/oparl-links.js';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';

const example = async (name: string) => JSON.parse(await readFile(join(PACKAGE_ROOT, 'fixtures', 'oparl', 'examples', `${name}-01.json`), 'utf8'));
const extract = (json: unknown) => oparlLinks({ url: 'https://oparl.example.org/', json, depth: 0 });

describe('oparlLinks', () => {
  it('follows the reference properties of the official System example, not web pages or other versions', async () => {
    const { links, page } = extract(await example('System'));
    expect(links).toEqual([{ url: 'https://oparl.example.org/bodies', pointer: '/body' }]);
    expect(page).toBeUndefined();
  });

  it('follows references and the ids of embedded objects in the official Meeting example, not file contents', async () => {
    const { links, inner } = extract(await example('Meeting'));
    expect(links).toContainEqual({ url: 'https://oparl.example.org/organization/34', pointer: '/organization/0' });
    expect(links).toContainEqual({ url: 'https://oparl.example.org/location/0', pointer: '/location/id', object: true });
    expect(links).toContainEqual({ url: 'https://oparl.example.org/agendaitem/3271', pointer: '/agendaItem/0/id', object: true });
    expect(links).toContainEqual({ url: 'https://oparl.example.org/consultation/1034', pointer: '/agendaItem/0/consultation' });
    expect(links.some(({ url }) => url.endsWith('.pdf'))).toBe(false);
    expect(links.some(({ pointer }) => pointer === '/id')).toBe(false);
    expect(inner?.map(({ url }) => url)).toContain('https://oparl.example.org/agendaitem/3271');
  });

  it('reads a list page: its items, their references and the next page', () => {
    const json = {
      data: [{ id: 'https://o.example/paper/1', type: 'https://schema.oparl.org/1.1/Paper', relatedPaper: ['https://o.example/paper/2'], web: 'https://o.example/p1' }],
      pagination: { totalElements: 3 },
      links: { next: 'https://o.example/papers?page=2', last: 'https://o.example/papers?page=3' },
    };
    expect(extract(json)).toEqual({
      links: [
        { url: 'https://o.example/paper/1', pointer: '/data/0/id', object: true },
        { url: 'https://o.example/paper/2', pointer: '/data/0/relatedPaper/0' },
      ],
      inner: [{ url: 'https://o.example/paper/1', value: json.data[0], group: 'https://schema.oparl.org/1.1/Paper' }],
      page: { next: { url: 'https://o.example/papers?page=2', pointer: '/links/next' } },
    });
    expect(extract({ data: [], links: {} }).page).toEqual({});
  });

  it('with the list properties of the types, marks references to single objects, not those to lists', async () => {
    const lists = new Map([['https://schema.oparl.org/1.1/Body', new Set(['paper', 'meeting'])]]);
    const extractWith = oparlLinksWith((type) => (typeof type === 'string' ? lists.get(type) : undefined));
    const body = { id: 'https://o.example/body/1', type: 'https://schema.oparl.org/1.1/Body', paper: 'https://o.example/body/1/papers', system: 'https://o.example/' };
    expect(extractWith({ url: body.id, json: body, depth: 1 }).links).toEqual([
      { url: 'https://o.example/body/1/papers', pointer: '/paper' },
      { url: 'https://o.example/', pointer: '/system', object: true },
    ]);
    // A type the extractor does not know: its references are followed at once.
    const unknown = { ...body, type: 'https://schema.oparl.org/1.0/Body' };
    expect(extractWith({ url: body.id, json: unknown, depth: 1 }).links.every((link) => link.object === undefined)).toBe(true);
  });
});
