/**
 * A host that stops answering gets no more requests: after CONSECUTIVE_FAILURES requests in a
 * row without a response, every later request to it fails unsent, and the client says so once.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CONSECUTIVE_FAILURES } from '../../src/http/circuit-breaker.js';
import { failureOf, get, testClient } from './helpers.js';

/** A TCP server that answers the connections `answers` picks with 200 and resets the others. */
async function flakyServer(answers: (index: number) => boolean): Promise<{ url: string; connections: () => number; close(): Promise<void> }> {
  let connections = 0;
  const server: Server = createServer((socket: Socket) => {
    const index = connections++;
    if (!answers(index)) return socket.resetAndDestroy();
    socket.once('data', () => socket.end('HTTP/1.1 200 OK\r\ncontent-length: 2\r\nconnection: close\r\n\r\nok'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, connections: () => connections, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

let close: (() => Promise<void>) | undefined;
afterEach(() => close?.());

describe('the circuit breaker', () => {
  it(`sends nothing more to a host after ${CONSECUTIVE_FAILURES} requests in a row got no response`, async () => {
    const server = await flakyServer(() => false);
    close = server.close;
    const stopped: string[] = [];
    const { client, exchanges } = testClient([server.url], { onHostStopped: (host, message) => stopped.push(`${host}: ${message}`) });
    const failures = [];
    for (let index = 0; index < CONSECUTIVE_FAILURES + 5; index += 1) failures.push(await failureOf(client.send(get(`${server.url}/${index}`))));
    expect(server.connections()).toBe(CONSECUTIVE_FAILURES);
    expect(failures.slice(0, CONSECUTIVE_FAILURES).every((failure) => failure.reason === 'connectionReset')).toBe(true);
    expect(failures.slice(CONSECUTIVE_FAILURES).map((failure) => failure.reason)).toEqual(Array(5).fill('unreachable'));
    expect(failures.at(-1)?.message).toMatch(/^not sent: 127\.0\.0\.1:\d+ stopped answering: 10 requests in a row got no response/);
    expect(exchanges.at(-1)?.error?.message).toMatch(/^not sent/);
    expect(stopped).toEqual([expect.stringMatching(/^127\.0\.0\.1:\d+: 127\.0\.0\.1:\d+ stopped answering/)]);
    await client.close();
  });

  it('starts the count again with every answer, whatever its status', async () => {
    const server = await flakyServer((index) => index % CONSECUTIVE_FAILURES === CONSECUTIVE_FAILURES - 1);
    close = server.close;
    const { client } = testClient([server.url], { onHostStopped: () => expect.fail('the circuit opened') });
    let answered = 0;
    for (let index = 0; index < 3 * CONSECUTIVE_FAILURES; index += 1) {
      answered += await client.send(get(`${server.url}/${index}`)).then(() => 1, () => 0);
    }
    expect(answered).toBe(3);
    expect(server.connections()).toBe(3 * CONSECUTIVE_FAILURES);
    await client.close();
  });
});
