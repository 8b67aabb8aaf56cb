/**
 * The reference implementation of the `dredd-large` API (dredd-large-document.ts) on
 * 127.0.0.1, port 0, under the base path `/v1` of the document's server: GET (and HEAD) of a
 * documented path with valid parameters is answered 200 with the example body; a parameter
 * value its schema rules out or a missing required one 400 (RFC 9110 §15.5.1); an undocumented
 * path 404 (§15.5.5); another method 405 with Allow (§15.5.6). Bodies are prepared once, so
 * that answering costs next to nothing; the server counts the requests it answered.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenOnLoopback } from '../fixtures/hostile/listen.js';
import type { Route } from './dredd-large-document.js';

export const BASE_PATH = '/v1';

interface Compiled {
  route: Route;
  pattern: RegExp;
  /** Names of the path parameters, in the order of the pattern's groups. */
  names: string[];
  body: Buffer;
}

function compile(route: Route): Compiled {
  const names: string[] = [];
  const source = route.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { route, pattern: new RegExp(`^${source}$`), names, body: Buffer.from(route.body) };
}

const problem = (status: number, title: string) => JSON.stringify({ type: 'about:blank', title, status });

function answerProblem(response: ServerResponse, status: number, title: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/problem+json', ...headers }).end(problem(status, title));
}

/** What the route says of the request's parameters: undefined when all are valid, else why not. */
function parameterProblem(route: Route, pathValues: Map<string, string>, query: URLSearchParams): string | undefined {
  for (const parameter of route.parameters) {
    const value = parameter.in === 'path' ? pathValues.get(parameter.name) : query.get(parameter.name);
    if (value === null || value === undefined) {
      if (parameter.required) return `the ${parameter.in} parameter ${parameter.name} is missing`;
      continue;
    }
    if (!parameter.accepts(value)) return `the ${parameter.in} parameter ${parameter.name} has an invalid value`;
  }
  return undefined;
}

export interface LargeApiServer {
  /** The base URL, with the base path. */
  url: string;
  /** Requests answered since the last reset, by method. */
  requests(): Record<string, number>;
  reset(): void;
  close(): Promise<void>;
}

export async function startLargeApiServer(routes: readonly Route[]): Promise<LargeApiServer> {
  const compiled = routes.map(compile);
  let counts: Record<string, number> = {};
  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const method = request.method ?? 'GET';
    counts[method] = (counts[method] ?? 0) + 1;
    const url = new URL(request.url ?? '/', 'http://localhost');
    const path = url.pathname.startsWith(`${BASE_PATH}/`) ? url.pathname.slice(BASE_PATH.length) : undefined;
    let match: RegExpExecArray | null = null;
    const found = path === undefined ? undefined : compiled.find((candidate) => (match = candidate.pattern.exec(path)) !== null);
    if (!found || !match) return answerProblem(response, 404, 'no such resource');
    if (method !== 'GET' && method !== 'HEAD') return answerProblem(response, 405, `${method} is not allowed here`, { allow: 'GET, HEAD' });
    const groups: RegExpExecArray = match;
    let values: Map<string, string>;
    try {
      values = new Map(found.names.map((name, index) => [name, decodeURIComponent(groups[index + 1] ?? '')]));
    } catch {
      return answerProblem(response, 400, 'a path segment is not valid percent-encoding');
    }
    const invalid = parameterProblem(found.route, values, url.searchParams);
    if (invalid) return answerProblem(response, 400, invalid);
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': found.body.length, ...found.route.headers }).end(found.body);
  };
  const listening = await listenOnLoopback(createServer(handle));
  return {
    url: `${listening.url}${BASE_PATH}`,
    requests: () => ({ ...counts }),
    reset: () => (counts = {}),
    close: listening.close,
  };
}
