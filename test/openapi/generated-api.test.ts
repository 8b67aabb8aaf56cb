/**
 * The generated API of the `dredd-200-operations` benchmark (bench/dredd-large-document.ts)
 * and its reference implementation (bench/dredd-large-server.ts): a fair comparison needs a
 * server that conforms to the document, so a contract run in the default profile, negative
 * checks included, finds nothing wrong with it, and the server counts every request it sent.
 * Dredd 14 expands a path only from a parameter's `example`: every path parameter has one.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { largeApi } from '../../bench/dredd-large-document.js';
import { startLargeApiServer } from '../../bench/dredd-large-server.js';
import { run } from '../../src/run/run.js';

const api = largeApi();
const scratch = await mkdtemp(join(tmpdir(), 'konform-generated-api-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

type Operation = { get: { parameters: Array<{ in: string; example?: unknown }> } };

describe('the generated API of 200 operations', () => {
  it('is the same document each time it is generated', () => {
    expect(JSON.stringify(largeApi().document)).toBe(JSON.stringify(api.document));
  });

  it('has 200 GET operations, each path parameter with an example', () => {
    const operations = Object.values(api.document.paths as Record<string, Operation>);
    expect(operations).toHaveLength(200);
    const pathParameters = operations.flatMap((operation) => operation.get.parameters.filter((parameter) => parameter.in === 'path'));
    expect(pathParameters.length).toBeGreaterThan(0);
    expect(pathParameters.filter((parameter) => parameter.example === undefined)).toEqual([]);
  });

  it('is served by a reference implementation a contract run of the full profile finds conformant', async () => {
    const spec = join(scratch, 'openapi.json');
    await writeFile(spec, JSON.stringify(api.document));
    const server = await startLargeApiServer(api.routes);
    try {
      const report = await run({ suite: 'openapi-contract', target: { url: server.url, spec }, limits: { ratePerHost: 0 } });
      expect(report.verdict).toBe('conformant');
      expect(report.counts).toMatchObject({ failed: 0, cantTell: 0 });
      const checked = new Set(report.results.filter((result) => result.outcome === 'passed').map((result) => result.check));
      expect([...checked].sort()).toEqual(
        ['body-schema', 'content-type-documented', 'document', 'invalid-parameter', 'no-server-error', 'required-headers', 'status-documented', 'undocumented-method', 'undocumented-path'].sort(),
      );
      const requests = server.requests();
      expect(Object.values(requests).reduce((sum, count) => sum + count, 0)).toBe(report.exchanges.length);
      expect(requests.TRACE).toBe(200);
    } finally {
      await server.close();
    }
  });
});
