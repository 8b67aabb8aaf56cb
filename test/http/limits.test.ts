import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostileServer, type HostileServer } from '../../fixtures/hostile/server.js';
import { createSemaphore } from '../../src/http/concurrency.js';
import { createRateLimiter } from '../../src/http/rate-limit.js';
import { get, testClient } from './helpers.js';

describe('createRateLimiter', () => {
  it('spaces the requests to one host 1/rate seconds apart', () => {
    let now = 1000;
    const limiter = createRateLimiter(5, () => now);
    expect([1, 2, 3, 4].map(() => limiter.reserve('a:80'))).toEqual([0, 200, 400, 600]);
    now += 1000;
    expect(limiter.reserve('a:80')).toBe(0);
  });

  it('keeps hosts apart, and does not wait at rate 0', () => {
    const limiter = createRateLimiter(2, () => 0);
    expect([limiter.reserve('a'), limiter.reserve('b'), limiter.reserve('a')]).toEqual([0, 0, 500]);
    const unlimited = createRateLimiter(0, () => 0);
    expect([1, 2, 3].map(() => unlimited.reserve('a'))).toEqual([0, 0, 0]);
  });
});

describe('createSemaphore', () => {
  it('grants a place only when one is released', async () => {
    const semaphore = createSemaphore(2);
    const [release] = await Promise.all([semaphore.acquire(), semaphore.acquire()]);
    let thirdGranted = false;
    const third = semaphore.acquire().then((releaseThird) => {
      thirdGranted = true;
      return releaseThird;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(thirdGranted).toBe(false);
    release?.();
    (await third)();
    expect(thirdGranted).toBe(true);
  });

  it('grants a place without waiting only while one is free, and never before a request that waits', async () => {
    const semaphore = createSemaphore(1);
    const release = semaphore.tryAcquire();
    expect(release).toBeDefined();
    expect(semaphore.tryAcquire()).toBeUndefined();
    const waiting = semaphore.acquire();
    release?.();
    expect(semaphore.tryAcquire()).toBeUndefined();
    (await waiting)();
    expect(semaphore.tryAcquire()).toBeDefined();
  });

  it('gives up waiting when the signal aborts', async () => {
    const semaphore = createSemaphore(1);
    await semaphore.acquire();
    const controller = new AbortController();
    const waiting = semaphore.acquire(controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
  });
});

describe('the client under limits', () => {
  let server: HostileServer;
  beforeAll(async () => {
    server = await startHostileServer();
  });
  afterAll(() => server.close());

  it('keeps at most `concurrency` requests in flight', async () => {
    const { client } = testClient([server.url], { limits: { concurrency: 2 } });
    await Promise.all(Array.from({ length: 6 }, () => client.send(get(`${server.url}/delay?ms=30`))));
    expect(server.maxInFlight).toBeLessThanOrEqual(2);
    await client.close();
  });

  it('runs `concurrency` requests at once: three meet at a gate that opens at three', async () => {
    const { client } = testClient([server.url], { limits: { concurrency: 3 } });
    const responses = await Promise.all([1, 2, 3].map(() => client.send(get(`${server.url}/gate?count=3`))));
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
    await client.close();
  });

  it('spaces requests to one host at the configured rate', async () => {
    const { client } = testClient([server.url], { limits: { ratePerHost: 10 } });
    const start = server.requests.length;
    await Promise.all(Array.from({ length: 6 }, () => client.send(get(`${server.url}/ok`))));
    const arrivals = server.requests.slice(start).map((request) => request.at);
    // Five gaps of 100 ms at least; the bound is generous for timer granularity.
    expect(Math.max(...arrivals) - Math.min(...arrivals)).toBeGreaterThan(400);
    await client.close();
  });
});
