/**
 * The hosts a run names under `hostsNotFollowed`: from the requests the HTTP client refused
 * because their host is not allowed — a link, or a redirect's location — each host once with
 * the number of its URLs refused, one of them, and the flag that would allow it; none for an
 * address konform never contacts or a scheme it does not speak.
 */
import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenOnLoopback, type Listening } from '../../fixtures/hostile/listen.js';
import { hostsNotFollowed } from '../../src/run/hosts-not-followed.js';
import type { Exchange } from '../../src/model/exchange.js';
import { testClient } from '../http/helpers.js';

let server: Listening;
let exchanges: Exchange[];

beforeAll(async () => {
  server = await listenOnLoopback(
    createServer((request, response) => {
      const location = new URL(request.url ?? '/', 'http://x').searchParams.get('to');
      if (location) response.writeHead(302, { location }).end();
      else response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    }),
  );
  const test = testClient([server.url]);
  exchanges = test.exchanges;
  const send = (url: string) => test.client.send({ method: 'GET', url }).catch(() => undefined);
  const away = (to: string) => `${server.url}/redirect?to=${encodeURIComponent(to)}`;
  for (const url of [
    `${server.url}/here`,
    'https://files.example/a',
    'https://files.example/b',
    'https://files.example/a',
    away('https://files.example:8443/c'),
    away('http://169.254.169.254/latest/meta-data/'),
    away('ftp://files.example/d'),
  ])
    await send(url);
  await test.client.close();
});
afterAll(() => server.close());

describe('hostsNotFollowed', () => {
  it('names each host refused once, with its URLs counted and the flag that would allow it', () => {
    expect(hostsNotFollowed(exchanges)).toEqual([
      { host: '169.254.169.254', links: 1, example: 'http://169.254.169.254/latest/meta-data/' },
      { host: 'files.example', links: 2, example: 'https://files.example/a', flag: '--allow-host files.example' },
      { host: 'files.example:8443', links: 1, example: 'https://files.example:8443/c', flag: '--allow-host files.example:8443' },
      { host: 'ftp://files.example', links: 1, example: 'ftp://files.example/d' },
    ]);
  });
});
