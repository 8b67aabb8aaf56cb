/**
 * The replay transport under a client of its own: requests are answered from the recording by
 * method, URL, header fields (but those konform sets on every request) and body; repeated ones
 * in recorded order; bytes that are no UTF-8 come back as they were; a server's Retry-After is
 * weighed against the time the answer was recorded, not the replay's clock.
 */
import { createServer } from 'node:http';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/http/redaction.js';
import { DEFAULT_LIMITS } from '../../src/http/types.js';
import type { Har } from '../../src/replay/har.js';
import { openHarRecording } from '../../src/replay/har-writer.js';
import { readRecording, type Recording } from '../../src/replay/har-reader.js';
import { replayTransport } from '../../src/replay/replay-transport.js';
import { failureOf, get, testClient } from '../http/helpers.js';

const scratch = await mkdtemp(join(tmpdir(), 'konform-replay-transport-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));
let recordings = 0;

interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: Buffer | string;
}

/** Sends `requests` through a recording client to a server answering the n-th request with `answer(n, headers)`; the server is closed after. */
async function record(answer: (arrival: number, headers: Record<string, unknown>) => Answer, requests: Array<Record<string, string> | undefined>) {
  let arrivals = 0;
  const server = createServer((request, response) => {
    const { status, headers, body } = answer(++arrivals, request.headers);
    response.writeHead(status, headers).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/x`;
  const out = join(scratch, `recording-${++recordings}`);
  await mkdir(out);
  const redactor = createRedactor();
  const run = { suite: 'openapi-contract', profile: 'full', target: { url, allowedHosts: [], allowUnsafe: false }, limits: DEFAULT_LIMITS, auth: [] };
  const har = openHarRecording(out, run, redactor);
  const { client, exchanges } = testClient([url], { redactor, recordHops: har.record });
  const bodies: Buffer[] = [];
  for (const headers of requests) bodies.push((await client.send(get(url, headers))).body);
  await client.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await har.close();
  return { path: join(out, 'exchanges.har'), url, bodies, exchanges };
}

function replaying(recording: Recording, url: string) {
  return testClient([url], { hopTransport: replayTransport(recording, []) });
}

describe('the replay transport', () => {
  it('answers repeated requests in recorded order, and one more as not recorded', async () => {
    const { path, url } = await record((arrival) => ({ status: 200, body: `answer ${arrival}` }), [undefined, undefined]);
    const { client } = replaying(await readRecording(path), url);
    expect((await client.send(get(url))).body.toString()).toBe('answer 1');
    expect((await client.send(get(url))).body.toString()).toBe('answer 2');
    const failure = await failureOf(client.send(get(url)));
    expect([failure.reason, failure.message]).toEqual(['notRecorded', 'the recording holds no answer to this request']);
  });

  it('tells requests apart by their header fields, but for User-Agent and Accept-Encoding', async () => {
    const answer = (_arrival: number, headers: Record<string, unknown>): Answer => ({ status: 200, body: String(headers['accept']) });
    const { path, url } = await record(answer, [{ accept: 'application/json' }, { accept: 'text/html' }]);
    const { client } = replaying(await readRecording(path), url);
    expect((await client.send(get(url, { accept: 'text/html', 'user-agent': 'konform/99' }))).body.toString()).toBe('text/html');
    expect((await client.send(get(url, { accept: 'application/json', 'accept-encoding': 'zstd' }))).body.toString()).toBe('application/json');
    expect((await failureOf(client.send(get(url, { accept: 'application/xml' })))).reason).toBe('notRecorded');
  });

  it('gives back bytes that are no UTF-8 as they came (base64 in the recording)', async () => {
    const bytes = Buffer.from(Array.from({ length: 256 }, (_, index) => index));
    const { path, url, bodies } = await record(() => ({ status: 200, headers: { 'content-type': 'application/octet-stream' }, body: bytes }), [undefined]);
    const har = JSON.parse(await readFile(path, 'utf8')) as Har;
    expect(har.log.entries[0]?.response.content).toMatchObject({ size: 256, encoding: 'base64', text: bytes.toString('base64') });
    const { client } = replaying(await readRecording(path), url);
    expect((await client.send(get(url))).body).toEqual(bodies[0]);
  });

  it('answers an answer whose body the recording withholds (for a secret in it) as not recorded', async () => {
    const { path, url } = await record(() => ({ status: 200, body: 'ok' }), [undefined]);
    const har = JSON.parse(await readFile(path, 'utf8')) as Har;
    Object.assign(har.log.entries[0]!._konform!, { withheld: true });
    await writeFile(path, JSON.stringify(har));
    const failure = await failureOf(replaying(await readRecording(path), url).client.send(get(url)));
    expect([failure.reason, failure.message]).toEqual(['notRecorded', 'the recording holds the answer to this request without its body']);
  });

  it('asks again after a Retry-After as the run did, and answers from the recording', async () => {
    const { path, url, exchanges } = await record((arrival) => (arrival === 1 ? { status: 429, headers: { 'retry-after': '0' } } : { status: 200, body: 'ok' }), [undefined]);
    expect(exchanges.map((exchange) => exchange.response?.status)).toEqual([429, 200]);
    const replay = replaying(await readRecording(path), url);
    expect((await replay.client.send(get(url))).body.toString()).toBe('ok');
    expect(replay.exchanges.map((exchange) => exchange.response?.status)).toEqual([429, 200]);
  });

  it('weighs a Retry-After date against when the answer was recorded: a wait too long then is too long now', async () => {
    const { path, url } = await record(() => ({ status: 200, body: 'ok' }), [undefined]);
    // Recorded two minutes ago: 429, to be asked again a minute after the answer.
    const har = JSON.parse(await readFile(path, 'utf8')) as Har;
    const entry = har.log.entries[0]!;
    const answeredAt = Date.now() - 120_000;
    entry.startedDateTime = new Date(answeredAt - entry.time).toISOString();
    entry.response.status = 429;
    entry.response.headers = [{ name: 'retry-after', value: new Date(answeredAt + 60_000).toUTCString() }];
    await writeFile(path, JSON.stringify(har));
    // By the replay's clock the date is past, and the run would have asked again at once; by the
    // recording's it was too far off, and the run took the 429.
    const replay = replaying(await readRecording(path), url);
    expect((await replay.client.send(get(url))).status).toBe(429);
    expect(replay.exchanges.map((exchange) => exchange.response?.status)).toEqual([429]);
  });
});
