/** Shared pieces of the OpenAPI tests: fixture paths, scratch documents, a check context, a loopback server. */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { CheckContext } from '../../src/checks/types.js';
import type { Standard, Target } from '../../src/model/types.js';
import { run } from '../../src/run/run.js';
import type { HttpClient } from '../../src/http/types.js';
import type { Report } from '../../src/model/report.js';

export const SPECS = resolve('fixtures/specs');

export function spec(name: string): string {
  return join(SPECS, name);
}

/**
 * An OpenAPI 3.0.3 document with one operation, GET /things, whose 200 response has the
 * schema given as YAML lines at the indentation of their place.
 */
export function thingsDocument(schema: string, { title = 'scratch', version = '1' } = {}): string {
  return `openapi: 3.0.3
info: {title: ${title}, version: '${version}'}
paths:
  /things:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
${schema}
`;
}

/** A temporary folder to write documents into; `remove` deletes it. */
export async function scratch(): Promise<{ dir: string; write(name: string, text: string): Promise<string>; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'konform-openapi-'));
  return {
    dir,
    async write(name, text) {
      const file = join(dir, name);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, text);
      return file;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** A document written to a scratch folder before the tests of a file and removed after them; `path()` once they run. */
export function scratchDocument(name: string, text: string): { path(): string } {
  let workspace: Awaited<ReturnType<typeof scratch>> | undefined;
  let file = '';
  beforeAll(async () => {
    workspace = await scratch();
    file = await workspace.write(name, text);
  });
  afterAll(() => workspace?.remove());
  return { path: () => file };
}

const STANDARD: Standard = {
  id: 'openapi-http',
  version: 'test',
  title: 'test',
  dir: '.',
  artifacts: [],
  requirements: [],
  manifestSha256: '',
};

export function checkContext(http: HttpClient, target: Partial<Target>): CheckContext {
  const memo = new Map<string, Promise<unknown>>();
  return {
    target: { allowedHosts: [], allowUnsafe: false, ...target },
    standard: STANDARD,
    http,
    memo: <T>(key: string, compute: () => Promise<T>) => {
      if (!memo.has(key)) memo.set(key, compute());
      return memo.get(key) as Promise<T>;
    },
    artifact: async () => Buffer.alloc(0),
    signal: new AbortController().signal,
  };
}

export type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/** A node:http server on 127.0.0.1, port 0. */
export async function startServer(handler: Handler): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** A run of openapi-contract against `server` with the document `spec`; the server is closed after it. */
export async function contractRunClosing(server: { url: string; close(): Promise<void> }, spec: string): Promise<Report> {
  try {
    return await run({ suite: 'openapi-contract', target: { url: server.url, spec } });
  } finally {
    await server.close();
  }
}

/** The outcome of each check for one subject of a report, by check id. */
export function outcomesOf(report: Report, subject: string): Record<string, string> {
  return Object.fromEntries(report.results.filter((result) => result.subject?.id === subject).map((result) => [result.check, result.outcome]));
}

/** The checks that judge an operation's answer to a valid request, each with the same outcome. */
export function answerChecks(outcome: string): Record<string, string> {
  return Object.fromEntries(['status-documented', 'content-type-documented', 'body-schema', 'required-headers', 'no-server-error'].map((check) => [check, outcome]));
}
