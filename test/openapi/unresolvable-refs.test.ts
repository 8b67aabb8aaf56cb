/**
 * A declared document with several `$ref`s that resolve to nothing fails OAS-DOC-VALID with
 * every one of them, each at the `$ref` where it is written (JSON pointer, line and column): a
 * local ref to a missing place, a ref to a file that does not exist, a remote ref (never
 * fetched), a ref reached through another ref, and a ref inside another file, placed at the ref
 * of the document that leads to that file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/run/run.js';
import { loadOpenApiDocument } from '../../src/openapi/document.js';
import { InvalidDocumentError } from '../../src/openapi/spec-error.js';
import { scratch, startServer } from './support.js';

const DOCUMENT = `openapi: 3.0.3
info: {title: refs, version: '1'}
paths:
  /a:
    get:
      parameters:
        - $ref: '#/components/parameters/Missing'
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Nope'}
  /b:
    get:
      responses:
        '200':
          $ref: '#/components/responses/Listed'
components:
  responses:
    Listed:
      description: listed
      content:
        application/json:
          schema: {$ref: './missing.yaml#/Thing'}
  schemas:
    Remote: {$ref: 'https://specs.example.org/common.yaml#/Thing'}
    Other: {$ref: './parts.yaml#/Part'}
`;

const PARTS = `Part:
  type: object
  properties:
    gone: {$ref: '#/Gone'}
`;

let workspace: Awaited<ReturnType<typeof scratch>>;
let file: string;
beforeAll(async () => {
  workspace = await scratch();
  await workspace.write('parts.yaml', PARTS);
  file = await workspace.write('refs.yaml', DOCUMENT);
});
afterAll(() => workspace.remove());

const byLine = <T extends { line?: number }>(entries: T[]) => [...entries].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));

describe('a document with several unresolvable $refs', () => {
  it('is invalid with every one of them, each at the $ref where it is written', async () => {
    const error = await loadOpenApiDocument(file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidDocumentError);
    const problems = (error as InvalidDocumentError).problems;
    expect(byLine(problems.map(({ location }) => location))).toEqual([
      { file, pointer: '/paths/~1a/get/parameters/0/$ref', line: 7, column: 11 },
      { file, pointer: '/paths/~1a/get/responses/200/content/application~1json/schema/$ref', line: 13, column: 24 },
      { file, pointer: '/components/responses/Listed/content/application~1json/schema/$ref', line: 25, column: 20 },
      { file, pointer: '/components/schemas/Remote/$ref', line: 27, column: 14 },
      { file, pointer: '/components/schemas/Other/$ref', line: 28, column: 13 },
    ]);
    const messageAt = (line: number) => problems.find((problem) => problem.location.line === line)?.message;
    expect(messageAt(13)).toContain('#/components/schemas/Nope');
    expect(messageAt(25)).toContain('missing.yaml');
    expect(messageAt(27)).toContain('https://specs.example.org/common.yaml');
    expect(messageAt(28)).toMatch(/#\/Gone.*parts\.yaml at \/Part\/properties\/gone\/\$ref/);
  });

  it('fails OAS-DOC-VALID in a run with a finding for each', async () => {
    const server = await startServer((_request, response) => void response.writeHead(404).end());
    try {
      const report = await run({ suite: 'openapi-contract', target: { url: server.url, spec: file } });
      const document = report.results.find((result) => result.check === 'document');
      expect(document?.outcome).toBe('failed');
      const invalid = document?.findings.filter((finding) => finding.rule === 'OAS-DOC-VALID') ?? [];
      expect(byLine(invalid.map((finding) => ({ ...finding.location }))).map(({ specPointer, line }) => [specPointer, line])).toEqual([
        ['/paths/~1a/get/parameters/0/$ref', 7],
        ['/paths/~1a/get/responses/200/content/application~1json/schema/$ref', 13],
        ['/components/responses/Listed/content/application~1json/schema/$ref', 25],
        ['/components/schemas/Remote/$ref', 27],
        ['/components/schemas/Other/$ref', 28],
      ]);
    } finally {
      await server.close();
    }
  });
});
