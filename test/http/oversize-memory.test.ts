/**
 * A body cut at the size limit is released at once: what a run keeps of an oversize answer
 * (its recorded exchange and its HttpFailure, which the checks of an operation share for the
 * whole run) holds its excerpt, not the body. Retained bytes are counted after a full garbage
 * collection: array buffers, where Node keeps every body.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostileServer, type HostileServer } from '../../fixtures/hostile/server.js';
import { BodyBuffer } from '../../src/http/body-buffer.js';
import { excerptBody } from '../../src/http/excerpt.js';
import { createRedactor } from '../../src/http/redaction.js';
import type { HttpFailure } from '../../src/http/types.js';
import { failureOf, get, testClient } from './helpers.js';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

async function retainedArrayBufferBytes(): Promise<number> {
  // Sockets and streams free their buffers over a few turns of the event loop.
  for (let round = 0; round < 3; round += 1) {
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
  }
  return process.memoryUsage().arrayBuffers;
}

let hostile: HostileServer;
beforeAll(async () => {
  hostile = await startHostileServer();
});
afterAll(() => hostile.close());

describe('oversize answers', () => {
  it('keep no more than their excerpts: 16 bodies cut at 1 MiB retain less than 4 KiB each', async () => {
    const limit = 1024 * 1024;
    const { client, exchanges } = testClient([hostile.url], { limits: { maxResponseBytes: limit, timeoutMs: 30_000 } });
    await failureOf(client.send(get(`${hostile.url}/huge`)));
    const before = await retainedArrayBufferBytes();
    const kept: HttpFailure[] = [];
    for (let answer = 0; answer < 16; answer += 1) kept.push(await failureOf(client.send(get(`${hostile.url}/huge`))));
    const retained = (await retainedArrayBufferBytes()) - before;
    expect(kept.map((failure) => failure.reason)).toEqual(Array(16).fill('tooLarge'));
    expect(exchanges.slice(1).map((exchange) => exchange.response?.bodyBytes)).toEqual(Array(16).fill(limit));
    expect(exchanges[1]?.response).toMatchObject({ truncated: true, bodyExcerpt: 'x'.repeat(512) });
    // 16 excerpts of 512 bytes, with the pooled buffers they sit in.
    expect(retained).toBeLessThan(16 * 4096);
    await client.close();
  });
});

describe('BodyBuffer', () => {
  it('keeps the start of a body it cuts, and counts what it received', () => {
    const body = new BodyBuffer(10, 4);
    expect(body.add(Buffer.from('abcdef'))).toBe(true);
    expect(body.add(Buffer.from('ghijkl'))).toBe(false);
    expect({ bytes: body.bytes, cut: body.cut, kept: body.take().toString() }).toEqual({ bytes: 10, cut: true, kept: 'abcd' });
    expect(body.take()).toHaveLength(0);
  });

  it('gives a body within the limit whole', () => {
    const body = new BodyBuffer(10, 4);
    body.add(Buffer.from('abc'));
    body.add(Buffer.from('def'));
    expect({ bytes: body.bytes, cut: body.cut, kept: body.take().toString() }).toEqual({ bytes: 6, cut: false, kept: 'abcdef' });
  });

  it('names the size of the whole body in the excerpt of a cut binary one', () => {
    const start = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]);
    expect(excerptBody(start, 4, createRedactor(), 1_000_000)).toEqual({ excerpt: '[binary, 1000000 bytes]', truncated: true });
  });
});
