/**
 * An OpenAPI 3.0 Response Object without `content` (the standard's own NotFound response, say)
 * leaves the content unspecified: a body sent with it does not break /req/oas30/oas-impl.
 */
import { beforeAll, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { requirementOutcome, runAgainst } from './variant-run.js';

let report: Report;
beforeAll(async () => {
  report = await runAgainst({ variant: 'not-found-without-content' });
});

it('passes a 404 with a JSON body where the definition documents 404 without content', () => {
  const contract = report.results.find((result) => result.check === 'openapi-contract');
  expect(contract?.findings.map((finding) => finding.code)).toEqual([]);
  expect(contract?.outcome).toBe('passed');
  expect(requirementOutcome(report, '/req/oas30/oas-impl')).toBe('passed');
  expect(requirementOutcome(report, '/req/oas30/exceptions-codes')).toBe('passed');
});
