/**
 * A minimal HttpClient for tests of check kinds: undici `request`, exchange IDs counted up,
 * every request kept for assertions, any transport error reported as `unreachable`.
 */
import { request } from 'undici';
import { HttpFailure, type HttpClient, type HttpRequest } from '../../src/http/types.js';

export interface TestHttpClient extends HttpClient {
  readonly sent: HttpRequest[];
}

export function createTestHttpClient(): TestHttpClient {
  const sent: HttpRequest[] = [];
  return {
    sent,
    async send(req) {
      sent.push(req);
      const exchangeId = `e${sent.length}`;
      const started = performance.now();
      try {
        const res = await request(req.url, { method: req.method, headers: req.headers, body: req.body });
        const body = Buffer.from(await res.body.arrayBuffer());
        const headers = Object.fromEntries(
          Object.entries(res.headers).filter((entry): entry is [string, string | string[]] => entry[1] !== undefined),
        );
        return { status: res.statusCode, headers, body, url: req.url, exchangeId, durationMs: performance.now() - started };
      } catch (error) {
        throw new HttpFailure('unreachable', (error as Error).message, req.url, exchangeId, { cause: error });
      }
    },
    async close() {},
  };
}
