/**
 * Politeness that adapts: a host that answers 429 or 503 has its rate halved, down to a floor,
 * and raised back by the answers that follow, never above the configured rate; a 429 or 503
 * without Retry-After is asked again after a deterministic exponential backoff, a bounded number
 * of times; and the traffic to each host is counted. Spacing is measured at the server, as
 * lower bounds only.
 */
import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createRateLimiter, MIN_RATE } from '../../src/http/rate-limit.js';
import { BACKOFF_MS, MAX_WAIT_MS, RETRIES, retryDelay } from '../../src/http/retry-after.js';
import { get, testClient } from './helpers.js';

/** Answers with `answer(n)` for the n-th request (from 1): a status and headers; notes when each arrived. */
async function scriptedServer(answer: (arrival: number) => { status: number; headers?: Record<string, string> }) {
  const arrivals: number[] = [];
  const server: Server = createServer((request, response) => {
    arrivals.push(performance.now());
    const { status, headers } = answer(arrivals.length);
    response.writeHead(status, headers).end(status === 200 ? 'ok' : '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, host: `127.0.0.1:${port}`, arrivals, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const gaps = (arrivals: readonly number[]): number[] => arrivals.slice(1).map((arrival, index) => arrival - arrivals[index]!);
/** Timers may fire up to a millisecond early, and arrivals differ from departures by the loopback's jitter. */
const SLACK_MS = 3;

let close: (() => Promise<void>) | undefined;
afterEach(() => close?.());

describe('the adaptive rate of a host (AIMD)', () => {
  it('halves the rate on a 429 or 503, once for the requests then in flight, down to the floor', () => {
    let now = 10;
    const limiter = createRateLimiter(8, () => now);
    limiter.throttled('a', 0);
    expect(limiter.rate('a')).toBe(4);
    // Sent before the rate was lowered: answered for by that decrease.
    limiter.throttled('a', 5);
    expect(limiter.rate('a')).toBe(4);
    for (const sent of [20, 30, 40, 50]) {
      now = sent + 1;
      limiter.throttled('a', sent);
    }
    expect(limiter.rate('a')).toBe(MIN_RATE);
    expect(limiter.rate('b')).toBe(8);
  });

  it('spaces the requests by the lowered rate', () => {
    const now = 0;
    const limiter = createRateLimiter(10, () => now);
    limiter.throttled('a', 0);
    expect([1, 2, 3].map(() => limiter.reserve('a'))).toEqual([0, 200, 400]);
  });

  it('raises the rate back by one request per second for each second of answers, never above the configured rate', () => {
    const limiter = createRateLimiter(8, () => 0);
    limiter.throttled('a', 0);
    // At 4 requests a second, 4 answers are a second's: the rate is then 5.
    for (let answer = 0; answer < 4; answer += 1) limiter.answered('a');
    expect(limiter.rate('a')).toBeGreaterThan(4.9);
    expect(limiter.rate('a')).toBeLessThan(5);
    for (let answer = 0; answer < 100; answer += 1) limiter.answered('a');
    expect(limiter.rate('a')).toBe(8);
  });

  it('lowers nothing without a configured rate, and never below a configured rate under the floor', () => {
    const unlimited = createRateLimiter(0, () => 0);
    unlimited.throttled('a', 0);
    expect(unlimited.rate('a')).toBe(0);
    expect(unlimited.reserve('a')).toBe(0);
    const slow = createRateLimiter(0.5, () => 0);
    slow.throttled('a', 0);
    expect(slow.rate('a')).toBe(0.5);
  });
});

describe('backoff without Retry-After', () => {
  it(`waits ${BACKOFF_MS} ms, then twice that, the same in every run, for at most ${RETRIES} retries`, () => {
    expect([0, 1, 2].map((retries) => retryDelay(503, {}, retries))).toEqual([BACKOFF_MS, 2 * BACKOFF_MS, undefined]);
    expect(retryDelay(429, { 'retry-after': 'soon' }, 0, Date.now(), 50)).toBe(50);
    expect(retryDelay(429, {}, 1, Date.now(), MAX_WAIT_MS)).toBe(MAX_WAIT_MS);
    expect(retryDelay(500, {}, 0)).toBeUndefined();
  });

  it('asks a 503 without Retry-After again after a growing wait, and gets the answer', async () => {
    const server = await scriptedServer((arrival) => ({ status: arrival <= 2 ? 503 : 200 }));
    close = server.close;
    const { client, exchanges } = testClient([server.url], { limits: { backoffMs: 100 } });
    expect((await client.send(get(`${server.url}/x`))).status).toBe(200);
    expect(exchanges.map((exchange) => exchange.response?.status)).toEqual([503, 503, 200]);
    const [first = 0, second = 0] = gaps(server.arrivals);
    expect(first).toBeGreaterThanOrEqual(100 - SLACK_MS);
    expect(second).toBeGreaterThanOrEqual(200 - SLACK_MS);
    expect(client.traffic()).toEqual([
      expect.objectContaining({ host: server.host, requests: 3, throttled: 2, backoffs: 2, waitedMs: 300, configuredRate: 0 }),
    ]);
    await client.close();
  });

  it('leaves a 429 that does not end as the answer, after a bounded number of retries and waits', async () => {
    const server = await scriptedServer(() => ({ status: 429 }));
    close = server.close;
    const { client, exchanges } = testClient([server.url], { limits: { backoffMs: 20 } });
    expect((await client.send(get(`${server.url}/x`))).status).toBe(429);
    expect(exchanges.map((exchange) => exchange.response?.status)).toEqual(Array.from({ length: 1 + RETRIES }, () => 429));
    expect(client.traffic()).toEqual([expect.objectContaining({ requests: 1 + RETRIES, throttled: 1 + RETRIES, backoffs: RETRIES, waitedMs: 20 + 40 })]);
    await client.close();
  });
});

describe('a host that asked to slow down', () => {
  it('gets the following requests further apart than the configured rate allows', async () => {
    const interval = 50;
    const server = await scriptedServer((arrival) => (arrival === 1 ? { status: 429, headers: { 'retry-after': '0' } } : { status: 200 }));
    close = server.close;
    const { client } = testClient([server.url], { limits: { ratePerHost: 1000 / interval } });
    for (let request = 0; request < 8; request += 1) expect((await client.send(get(`${server.url}/${request}`))).status).toBe(200);
    // From the retry on, at half the rate, growing back by a tenth of a request per second with
    // each answer: about 100 ms apart, where the configured rate allows 50. Summed, so that one
    // late arrival does not shorten the span by more than its own delay.
    const [, ...afterThrottle] = gaps(server.arrivals);
    expect(afterThrottle).toHaveLength(7);
    expect(afterThrottle.reduce((sum, gap) => sum + gap, 0)).toBeGreaterThanOrEqual(1.5 * afterThrottle.length * interval);
    const [traffic] = client.traffic();
    expect(traffic).toMatchObject({ requests: 9, throttled: 1, backoffs: 1, waitedMs: 0, configuredRate: 20, lowestRate: 10 });
    expect(traffic?.effectiveRate).toBeLessThan(20);
    await client.close();
  });

  it('counts the requests to each host apart, by host and port only', async () => {
    const one = await scriptedServer(() => ({ status: 200 }));
    const two = await scriptedServer(() => ({ status: 200 }));
    close = async () => void (await Promise.all([one.close(), two.close()]));
    const { client } = testClient([one.url, two.url], { limits: { ratePerHost: 100 } });
    await client.send(get(`${one.url}/a?token=secret`));
    await client.send(get(`${two.url}/b`));
    await client.send(get(`${one.url}/c`));
    const traffic = client.traffic();
    expect(traffic.map(({ host, requests }) => [host, requests])).toEqual([
      [one.host, 2],
      [two.host, 1],
    ]);
    expect(traffic[0]?.effectiveRate).toBeGreaterThan(0);
    expect(traffic[0]?.effectiveRate).toBeLessThanOrEqual(100);
    expect(traffic[1]).not.toHaveProperty('effectiveRate');
    expect(JSON.stringify(traffic)).not.toMatch(/secret|\/a/);
    await client.close();
  });
});
