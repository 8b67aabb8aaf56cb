/**
 * Collections smaller than one page (limit=5): no page has a next link and numberMatched says no
 * more features follow, so the paging recommendations have no case to examine. A check that
 * examined no case is inapplicable, never passed.
 */
import { beforeAll, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { requirementOutcome, runAgainst } from './variant-run.js';

const PAGING = ['/rec/core/fc-extent', '/rec/core/fc-next-1', '/rec/core/fc-next-2', '/rec/core/fc-next-3'];

let report: Report;
beforeAll(async () => {
  report = await runAgainst({ variant: 'small-collections' });
});

it('leaves the paging recommendations inapplicable', () => {
  for (const id of PAGING) expect([id, requirementOutcome(report, id)]).toEqual([id, 'inapplicable']);
  const paging = report.results.filter((result) => result.check === 'paging-recommendations');
  expect(paging.map((result) => [result.id, result.outcome, result.rules])).toEqual([
    ['paging-recommendations/places', 'inapplicable', []],
    ['paging-recommendations/gauges', 'inapplicable', []],
  ]);
});

it('is conformant', () => {
  expect(report.verdict).toBe('conformant');
  expect(report.exitCode).toBe(0);
});
