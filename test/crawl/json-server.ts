/** A loopback server answering from a table of JSON bodies by path; `{base}` in a body is its own URL. */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = unknown | ((response: ServerResponse) => void);

export interface JsonServer {
  url: string;
  /** Paths requested, in order. */
  requested: string[];
  close(): Promise<void>;
}

export async function startJsonServer(routes: Record<string, Route>): Promise<JsonServer> {
  const requested: string[] = [];
  let base = '';
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    requested.push(path);
    const route = routes[path] ?? routes[path.split('?')[0] as string];
    if (typeof route === 'function') return (route as (response: ServerResponse) => void)(response);
    if (route === undefined) {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
      return;
    }
    const body = JSON.stringify(route).replaceAll('{base}', base);
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    requested,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
