/**
 * The OpenAPI check kinds name the requirements they can decide (CheckKind.lint), so that
 * `konform suite lint` refuses a check that verifies one its kind never examines: listed, it
 * would be reported passed. Every rule a finding of theirs names is among them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/run/run.js';
import { declaredRules, lintChanged, lintOf, shippedSuiteFile, undeclaredFindingRules } from '../core/declared-rules.js';
import { suiteWorkspace, type SuiteWorkspace } from '../helpers/suite-workspace.js';
import { scratchDocument, startServer, thingsDocument } from './support.js';

/** A document with a structural error (no title) and a schema that is no JSON Schema. */
const invalid = scratchDocument('invalid.yaml', thingsDocument('                type: 5').replace(/title: scratch, /, ''));

let workspace: SuiteWorkspace;
beforeAll(async () => {
  workspace = await suiteWorkspace('openapi-contract', 'openapi-http/1.0');
});
afterAll(() => workspace.remove());

describe('the rules an OpenAPI check can decide', () => {
  it('are declared by every kind, and are all the shipped openapi-contract suite lists', async () => {
    const declared = await declaredRules(shippedSuiteFile('openapi-contract'));
    expect(Object.fromEntries([...declared].map(([check, rules]) => [check, [...rules]]))).toEqual({
      document: ['OAS-DOC-VALID', 'OAS-SCHEMA-VALID'],
      'status-documented': ['OAS-RESP-STATUS'],
      'content-type-documented': ['OAS-RESP-MEDIA-TYPE'],
      'body-schema': ['OAS-RESP-SCHEMA'],
      'required-headers': ['OAS-RESP-HEADER'],
      'no-server-error': ['HTTP-NO-SERVER-ERROR'],
      'undocumented-path': ['HTTP-UNKNOWN-PATH'],
      'invalid-parameter': ['HTTP-INVALID-PARAMETER'],
      'undocumented-method': ['HTTP-METHOD-NOT-ALLOWED', 'HTTP-ALLOW-HEADER'],
      'security-enforced': ['OAS-SECURITY-ENFORCED'],
    });
    expect(await lintOf(shippedSuiteFile('openapi-contract'))).toEqual([]);
  });

  it("refuse, with its line, another check's rule listed on a check", async () => {
    const { problems, lineOf } = await lintChanged(workspace, (text) =>
      text
        .replace('verifies: [OAS-RESP-STATUS]', 'verifies: [OAS-RESP-STATUS, OAS-RESP-SCHEMA]')
        .replace('verifies: [HTTP-UNKNOWN-PATH]', 'verifies: [HTTP-UNKNOWN-PATH, HTTP-METHOD-NOT-ALLOWED]'),
    );
    expect(problems).toEqual([
      ['status-documented', 'verifies OAS-RESP-SCHEMA, which a openapi.status-documented check with these options cannot decide', lineOf('[OAS-RESP-STATUS, OAS-RESP-SCHEMA]')],
      ['undocumented-path', 'verifies HTTP-METHOD-NOT-ALLOWED, which a openapi.undocumented-path check with these options cannot decide', lineOf('[HTTP-UNKNOWN-PATH, HTTP-METHOD-NOT-ALLOWED]')],
    ]);
  });

  it('hold every rule the findings of a run name', async () => {
    const server = await startServer((_request, response) => void response.writeHead(404).end());
    try {
      const report = await run({ suite: 'openapi-contract', target: { url: server.url, spec: invalid.path() } });
      expect(new Set(report.results.flatMap((result) => result.findings.flatMap((finding) => finding.rule ?? [])))).toEqual(new Set(['OAS-DOC-VALID', 'OAS-SCHEMA-VALID']));
      expect(undeclaredFindingRules(report, await declaredRules(shippedSuiteFile('openapi-contract')))).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
