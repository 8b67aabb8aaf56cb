import { describe, expect, it } from 'vitest';
import { renumberEvidence } from '../../src/run/evidence.js';
import type { Exchange } from '../../src/model/exchange.js';
import type { CheckResult } from '../../src/model/report.js';

function exchange(id: string, url: string): Exchange {
  return { id, startedAt: '2026-01-01T00:00:00.000Z', durationMs: 1, request: { method: 'GET', url, headers: {} } };
}

function result(id: string, evidence: string[], findingExchange?: string): CheckResult {
  return {
    id, check: id, kind: 'k.k', class: 'c', title: id, severity: 'error', outcome: 'failed', durationMs: 0,
    findings: findingExchange ? [{ code: 'f', message: 'm', exchange: findingExchange }] : [],
    evidence,
  };
}

describe('renumberEvidence', () => {
  it('numbers exchanges in the order results cite them, whatever order they completed in', () => {
    const completedOneWay = [exchange('e7', 'http://h/b'), exchange('e3', 'http://h/a'), exchange('e9', 'http://h/z')];
    const results = [result('first', ['e3']), result('second', ['e7'], 'e7')];
    const renumbered = renumberEvidence(structuredClone(results), completedOneWay);
    expect(renumbered.results.map((r) => r.evidence)).toEqual([['x1'], ['x2']]);
    expect(renumbered.results[1]?.findings[0]?.exchange).toBe('x2');
    expect(renumbered.exchanges.map((e) => [e.id, e.request.url])).toEqual([
      ['x1', 'http://h/a'],
      ['x2', 'http://h/b'],
      ['x3', 'http://h/z'],
    ]);
    const completedOtherWay = renumberEvidence(structuredClone(results), [...completedOneWay].reverse());
    expect(completedOtherWay.results).toEqual(renumbered.results);
    expect(completedOtherWay.exchanges).toEqual(renumbered.exchanges);
  });
});
