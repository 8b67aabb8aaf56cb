/**
 * Operations with a Security Requirement: an answer to a request that did not satisfy it (401,
 * 403) is evidence of the security behaviour only, so the checks of the operation's answers
 * are cantTell ("needs credentials"); a secured operation that answers success to a request
 * without credentials does not enforce its security, a MUST failure.
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { answerChecks, contractRunClosing, outcomesOf, scratchDocument, startServer } from './support.js';

const DOCUMENT = `openapi: 3.0.3
info: {title: Secured, version: '1'}
security: [{apiKey: []}]
paths:
  /secret:
    get:
      operationId: secret
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: object}}}}
  /public:
    get:
      operationId: public
      security: []
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: object}}}}
components:
  securitySchemes:
    apiKey: {type: apiKey, in: header, name: X-Api-Key}
`;

/** A server that demands the key for /secret, or (`enforcing` false) forgets to. */
async function server(enforcing: boolean) {
  return startServer((request, response) => {
    if (request.method !== 'GET') return void response.writeHead(405, { allow: 'GET' }).end();
    if (request.url === '/secret' && enforcing && request.headers['x-api-key'] !== 'k') return void response.writeHead(401).end();
    response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
}

const document = scratchDocument('secured.yaml', DOCUMENT);

const runAgainst = async (enforcing: boolean): Promise<Report> => contractRunClosing(await server(enforcing), document.path());

describe('a secured operation called without credentials', () => {
  it('answering 401: its answer checks need credentials (cantTell); its security is enforced (passed)', async () => {
    const report = await runAgainst(true);
    expect(outcomesOf(report, 'secret')).toMatchObject({
      ...answerChecks('cantTell'),
      'security-enforced': 'passed',
    });
    const status = report.results.find((result) => result.id === 'status-documented/secret');
    expect(status?.findings.map((finding) => finding.code)).toEqual(['needs-credentials']);
    expect(report.requirements.find((requirement) => requirement.id === 'OAS-SECURITY-ENFORCED')?.outcome).toBe('passed');
    expect(outcomesOf(report, 'public')['status-documented']).toBe('passed');
    expect(outcomesOf(report, 'public')['security-enforced']).toBeUndefined();
  });

  it('answering success: security not enforced, a MUST failure', async () => {
    const report = await runAgainst(false);
    const result = report.results.find((candidate) => candidate.id === 'security-enforced/secret');
    expect(result?.outcome).toBe('failed');
    expect(result?.findings[0]).toMatchObject({ code: 'security-not-enforced', severity: 'error', params: { status: 200 } });
    expect(report.exitCode).toBe(1);
  });
});
