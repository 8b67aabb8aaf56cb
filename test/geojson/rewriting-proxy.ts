/**
 * A proxy on a free loopback port in front of a reference server: it forwards every request and
 * passes every JSON answer through `rewrite`, its links turned to the proxy's own origin, so that
 * a test can serve the reference data with one GeoJSON defect added.
 */
import { createServer, request as forward } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Rewrite = (value: unknown) => unknown;

/** Applies `change` to every object in `value`, depth first. */
export function everyObject(change: (object: Record<string, unknown>) => Record<string, unknown>): Rewrite {
  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(visit);
    if (value === null || typeof value !== 'object') return value;
    return change(Object.fromEntries(Object.entries(value).map(([key, item]) => [key, visit(item)])));
  };
  return visit;
}

export async function startRewritingProxy(upstream: string, rewrite: Rewrite): Promise<{ url: string; close(): Promise<void> }> {
  const target = new URL(upstream);
  let origin = '';
  const server = createServer((incoming, outgoing) => {
    const headers = { ...incoming.headers, host: target.host };
    const upstreamRequest = forward({ host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8').replaceAll(target.origin, origin);
        const json = /json/.test(answer.headers['content-type'] ?? '') && text !== '';
        const body = json ? JSON.stringify(rewrite(JSON.parse(text))) : text;
        const { etag: _etag, 'content-length': _length, ...rest } = answer.headers;
        outgoing.writeHead(answer.statusCode ?? 502, { ...rest, ...(incoming.method === 'HEAD' ? {} : { 'content-length': String(Buffer.byteLength(body)) }) });
        outgoing.end(incoming.method === 'HEAD' ? undefined : body);
      });
    });
    upstreamRequest.on('error', () => outgoing.writeHead(502).end());
    incoming.pipe(upstreamRequest);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}${target.pathname}${target.search}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
