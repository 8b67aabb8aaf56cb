/**
 * Pages of features without the optional members numberMatched, numberReturned and timeStamp
 * (OGC 17-069r4 §7.15.8 "if included"): the requirements on them have no case and are
 * inapplicable, never passed; a missing next link cannot be judged without numberMatched, but the
 * next links followed still are cases of /rec/core/fc-next-1.
 */
import { beforeAll, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { requirementOutcome, runAgainst } from './variant-run.js';

let report: Report;
beforeAll(async () => {
  report = await runAgainst({ variant: 'without-optional-members' });
});

it('leaves the requirements on the optional members inapplicable', () => {
  for (const id of ['/req/core/fc-numberMatched', '/req/core/fc-numberReturned', '/req/core/fc-timeStamp'])
    expect([id, requirementOutcome(report, id)]).toEqual([id, 'inapplicable']);
  expect(report.results.filter((result) => result.check === 'number-matched').map((result) => result.outcome)).toEqual([
    'inapplicable',
    'inapplicable',
  ]);
});

it('still judges the links and the paging it saw', () => {
  for (const id of ['/req/core/fc-links', '/req/core/fc-rel-type', '/rec/core/fc-next-1', '/rec/core/fc-next-2'])
    expect([id, requirementOutcome(report, id)]).toEqual([id, 'passed']);
  expect(report.verdict).toBe('conformant');
});
