import { createHttpClient, type KonformHttpClient, type KonformHttpClientOptions } from '../../src/http/client.js';
import { HttpFailure, type HttpLimits } from '../../src/http/types.js';
import { type Exchange } from '../../src/model/exchange.js';

export const TEST_LIMITS: HttpLimits = {
  timeoutMs: 5_000,
  maxResponseBytes: 1024 * 1024,
  maxRedirects: 5,
  concurrency: 4,
  ratePerHost: 0,
  excerptBytes: 512,
};

export interface TestClient {
  client: KonformHttpClient;
  exchanges: Exchange[];
}

/** A client for the given hosts (URLs or host:port) that collects its exchanges. */
export function testClient(hosts: string[], options: Partial<Omit<KonformHttpClientOptions, 'limits'>> & { limits?: Partial<HttpLimits> } = {}): TestClient {
  const exchanges: Exchange[] = [];
  const client = createHttpClient({
    userAgent: 'konform-test',
    ...options,
    allowedHosts: hosts.map((host) => (host.includes('://') ? new URL(host).host : host)),
    limits: { ...TEST_LIMITS, ...options.limits },
    record: (exchange) => exchanges.push(exchange),
  });
  return { client, exchanges };
}

/** The HttpFailure a request ends with; fails the test when it succeeds. */
export async function failureOf(promise: Promise<unknown>): Promise<HttpFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HttpFailure) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

export function get(url: string, headers?: Record<string, string>) {
  return { method: 'GET', url, ...(headers ? { headers } : {}) };
}
