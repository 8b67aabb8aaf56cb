import { describe, expect, it } from 'vitest';
import { orderExchanges } from '../../src/run/evidence.js';
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

describe('orderExchanges', () => {
  it('lists exchanges in the order results cite them, then the others by URL, whatever order they completed in, keeping their IDs', () => {
    const completedOneWay = [exchange('xb', 'http://h/b'), exchange('xa', 'http://h/a'), exchange('xz', 'http://h/z'), exchange('xc', 'http://h/c')];
    const results = [result('first', ['xa']), result('second', ['xb'], 'xb'), result('third', [], 'xc')];
    const ordered = orderExchanges(results, completedOneWay);
    expect(ordered.map((e) => [e.id, e.request.url])).toEqual([
      ['xa', 'http://h/a'],
      ['xb', 'http://h/b'],
      ['xc', 'http://h/c'],
      ['xz', 'http://h/z'],
    ]);
    expect(orderExchanges(results, [...completedOneWay].reverse())).toEqual(ordered);
  });
});
