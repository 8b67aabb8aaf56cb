/**
 * One fixture server behind two fronts on ports of their own, for runs whose links lead to
 * another host (another port is another host to konform's allowlist). Both fronts forward every
 * request to the fixture; in what comes back, every URL of the fixture is rewritten to the
 * `main` front, except those `elsewhere` picks, which are rewritten to the `other` front.
 *
 *   const split = await splitOrigin(await startOParlServer(), (path) => path.startsWith('/oparl/v1.1/bodies'));
 *   // konform run oparl-1.1 --target <split.main>/oparl/v1.1/  — its System links `body` to split.other
 *   await split.close(); // the fixture too
 */
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenOnLoopback, type Listening } from '../../fixtures/hostile/listen.js';

export interface SplitOrigin {
  /** Origin of the front that serves all but what `elsewhere` picks, e.g. `http://127.0.0.1:40123`. */
  main: string;
  /** Origin of the front that the picked URLs lead to. */
  other: string;
  /** Host (`127.0.0.1:<port>`) of the other front, as `--allow-host` takes it. */
  otherHost: string;
  /** Requests the other front received. */
  readonly otherRequests: number;
  /** Closes both fronts and the fixture. */
  close(): Promise<void>;
}

const TEXT = /json|html|text|xml/;
/** Headers that carry URLs. */
const URL_HEADERS = ['location', 'link', 'content-location'];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function forward(origin: string, request: IncomingMessage): Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }> {
  const { host: _host, 'accept-encoding': _coding, ...headers } = request.headers;
  // A HEAD is asked as GET: its Content-Length must be that of the rewritten body.
  const method = request.method === 'HEAD' ? 'GET' : (request.method ?? 'GET');
  return new Promise((resolve, reject) => {
    const sent = httpRequest(new URL(request.url ?? '/', origin), { method, headers }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body: Buffer.concat(chunks) }));
      answer.on('error', reject);
    });
    sent.on('error', reject);
    sent.end();
  });
}

export async function splitOrigin(fixture: { url: string; close(): Promise<void> }, elsewhere: (pathAndQuery: string) => boolean): Promise<SplitOrigin> {
  const origin = new URL(fixture.url).origin;
  const fronts: { main?: Listening; other?: Listening } = {};
  const urls = new RegExp(`${escapeRegExp(origin)}([^\\s"'<>]*)`, 'g');
  const rewrite = (text: string) => text.replace(urls, (_, rest: string) => `${(elsewhere(rest) ? fronts.other : fronts.main)?.url ?? origin}${rest}`);

  let otherRequests = 0;
  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    if (request.socket.localPort === fronts.other?.port) otherRequests += 1;
    forward(origin, request).then(
      ({ status, headers, body }) => {
        const type = String(headers['content-type'] ?? '');
        const sent = TEXT.test(type) ? Buffer.from(rewrite(body.toString('utf8'))) : body;
        const out: Record<string, string | string[]> = {};
        for (const [name, value] of Object.entries(headers)) {
          if (value === undefined || name === 'transfer-encoding' || name === 'connection' || name === 'keep-alive') continue;
          out[name] = URL_HEADERS.includes(name) ? (Array.isArray(value) ? value.map(rewrite) : rewrite(value)) : value;
        }
        if (status !== 304) out['content-length'] = String(sent.length);
        response.writeHead(status, out).end(request.method === 'HEAD' ? undefined : sent);
      },
      (error: unknown) => response.writeHead(502, { 'content-type': 'text/plain' }).end(String(error)),
    );
  };
  fronts.main = await listenOnLoopback(createServer(handle));
  fronts.other = await listenOnLoopback(createServer(handle));
  const { main, other } = fronts;
  return {
    main: main.url,
    other: other.url,
    otherHost: new URL(other.url).host,
    get otherRequests() {
      return otherRequests;
    },
    close: async () => {
      await Promise.all([main.close(), other.close(), fixture.close()]);
    },
  };
}
