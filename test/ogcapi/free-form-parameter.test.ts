/**
 * An items operation that declares a free-form query parameter (an object with
 * additionalProperties, style form, explode true) specifies every parameter name: an unknown
 * parameter cannot be sent to it, so /req/core/query-param-unknown is inapplicable, not failed.
 */
import { beforeAll, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { requirementOutcome, runAgainst } from './variant-run.js';

let report: Report;
beforeAll(async () => {
  report = await runAgainst({ variant: 'free-form-query-parameter' });
});

it('leaves the unknown parameter inapplicable, with a note naming the free-form parameter', () => {
  const results = report.results.filter((result) => result.check === 'query-parameters');
  expect(results.map((result) => result.outcome)).toEqual(['passed', 'passed']);
  for (const result of results) {
    const note = result.findings.find((finding) => finding.code === 'free-form-parameter');
    expect(note?.message).toContain('properties');
    expect(note?.severity).toBe('info');
  }
  expect(requirementOutcome(report, '/req/core/query-param-unknown')).toBe('inapplicable');
  expect(requirementOutcome(report, '/req/core/query-param-invalid')).toBe('passed');
  expect(report.verdict).toBe('conformant');
});
