/**
 * ogcapi.limit probes below the size of the collection and takes the bounds of `limit` from the
 * API definition: a server that ignores `limit` on a collection of four features, one that
 * refuses a limit above the maximum its definition documents, and one that sends more features
 * than its documented default without `limit` each fail /req/core/fc-limit-response-1.
 */
import { expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { requirementOutcome, runAgainst } from './variant-run.js';

const RESPONSE = '/req/core/fc-limit-response-1';

const responseFinding = (report: Report) =>
  report.results.find((result) => result.id === 'limit/places')?.findings.find((finding) => finding.rule === RESPONSE);

it('fails a server that ignores limit on a collection smaller than the page size', async () => {
  const report = await runAgainst({ mutant: 'limit-ignored-on-small-collection' });
  expect(requirementOutcome(report, RESPONSE)).toBe('failed');
  expect(responseFinding(report)).toMatchObject({ code: 'limit-exceeded', params: { limit: 1, features: 4 } });
});

it('sends the limit above the maximum the API definition documents', async () => {
  const report = await runAgainst({ mutant: 'limit-above-documented-maximum-refused' });
  expect(requirementOutcome(report, RESPONSE)).toBe('failed');
  expect(responseFinding(report)).toMatchObject({ code: 'status-not-200', params: { url: expect.stringContaining('limit=20001') } });
});

it('holds a request without limit to the default the API definition gives', async () => {
  const report = await runAgainst({ mutant: 'limit-default-exceeded' });
  expect(requirementOutcome(report, RESPONSE)).toBe('failed');
  expect(responseFinding(report)).toMatchObject({ code: 'limit-exceeded', params: { limit: 10, features: 12 } });
});
