/** The Markdown summary of a self-test names every failure and every exception. */
import { expect, it } from 'vitest';
import type { DeclarationResult, SelftestReport } from '../../src/run/selftest.js';
import { selftestSummary } from '../../src/xml/xmute/summary.js';

const declaration = (line: number, outcome: DeclarationResult['outcome'], reasons: string[]): DeclarationResult => ({
  sample: 'cii/test.xml',
  line,
  column: 5,
  id: `d${line}`,
  mutator: 'code',
  declaration: 'mutator="code"',
  documents: 1,
  outcome,
  reasons,
});

it('lists failed and undecided declarations with their reasons and groups exceptions by reason', () => {
  const report: SelftestReport = {
    suite: { id: 'xrechnung-3.0', version: '1.0.0', title: 'XRechnung' },
    profile: 'full',
    config: 'selftest/selftest.yaml',
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 12_345,
    samples: 1,
    documents: 4,
    counts: { passed: 1, failed: 1, cantTell: 0, exception: 2 },
    ok: false,
    declarations: [
      declaration(3, 'passed', []),
      declaration(5, 'failed', ['xrcii:BR-DE-1 was expected to fire but did not']),
      declaration(7, 'exception', ['inside a comment']),
      declaration(9, 'exception', ['inside a comment']),
    ],
  };
  expect(selftestSummary(report)).toBe(
    [
      '# Self-test of xrechnung-3.0 1.0.0: declarations do not hold',
      '',
      '4 declarations in 1 samples, 4 documents validated (profile full, 12.3 s):',
      '1 passed, 1 failed, 0 undecided, 2 exceptions.',
      '',
      '## Failed (1)',
      '',
      '- cii/test.xml:5 d5 (code)',
      '  - xrcii:BR-DE-1 was expected to fire but did not',
      '',
      '## Exceptions (2)',
      '',
      '- inside a comment',
      '  - cii/test.xml:7 d7 (code)',
      '  - cii/test.xml:9 d9 (code)',
      '',
    ].join('\n'),
  );
});
