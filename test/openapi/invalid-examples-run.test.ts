/**
 * konform sends the document's own examples only where they are valid against their schema:
 * an invalid one is a warning on the document, and a schema-valid value is sent instead. An
 * answer to a valid request that is no success proves nothing of the documented success: the
 * checks of the answer, and the refusal of invalid parameters, are cantTell then.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { problemReply } from '../../fixtures/pegel-online/reply.js';
import { startPegelServer, type PegelServer } from '../../fixtures/pegel-online/server.js';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';
import type { Report } from '../../src/model/report.js';
import { answerChecks, contractRunClosing, outcomesOf, scratchDocument } from './support.js';

const SPEC = join(PACKAGE_ROOT, 'fixtures', 'pegel-online', 'openapi.yaml');
const INVALID_EXAMPLE = (await readFile(SPEC, 'utf8')).replace(
  '      # konform tightening T9: an example, so that callers exercise the nested representation\n      example: true\n    station:',
  '      example: "ja"\n    station:',
);

const scratchFile = scratchDocument('invalid-example.yaml', INVALID_EXAMPLE);

const runAgainst = async (server: PegelServer): Promise<Report> => contractRunClosing(server, scratchFile.path());

describe('an example that is not valid against its schema', () => {
  it('is a warning on the document, and a valid value is sent instead', async () => {
    expect(INVALID_EXAMPLE).toContain('example: "ja"');
    const report = await runAgainst(await startPegelServer());
    const document = report.results.find((result) => result.check === 'document');
    expect(document?.outcome).toBe('passed');
    const line = INVALID_EXAMPLE.split('\n').indexOf('      example: "ja"') + 1;
    expect(document?.findings).toContainEqual(
      expect.objectContaining({
        code: 'example-invalid',
        severity: 'warning',
        location: { file: scratchFile.path(), specPointer: '/components/parameters/includeTimeseries/example', line, column: 7 },
      }),
    );
    const stations = report.exchanges.find((exchange) => exchange.request.url.includes('/stations.json?'));
    expect(stations?.request.url).toContain('includeTimeseries=true');
    expect(stations?.response?.status).toBe(200);
    expect(report.exitCode).toBe(0);
  });

  it('against a server that refuses even the valid request, nothing of the answer is passed', async () => {
    const refusing = await startPegelServer({
      mutation: {
        reply: (reply, request) => (request.operationId === 'getStations' && request.method === 'GET' ? problemReply(400, 'Refused.') : reply),
      },
    });
    const report = await runAgainst(refusing);
    expect(outcomesOf(report, 'getStations')).toEqual({
      ...answerChecks('cantTell'),
      'invalid-parameter': 'cantTell',
    });
    const statusResult = report.results.find((result) => result.id === 'status-documented/getStations');
    expect(statusResult?.findings[0]?.message).toContain('did not succeed');
    expect(report.exitCode).toBe(3);
  });
});
