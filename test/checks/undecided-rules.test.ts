import { describe, expect, it } from 'vitest';
import { coverUndecidedRules } from '../../src/checks/undecided-rules.js';
import type { CheckOutput } from '../../src/model/types.js';

const RULES = ['R1', 'R2', 'R3', 'R4'];

describe('coverUndecidedRules', () => {
  it('leaves an output without undecided findings as it is', () => {
    const output: CheckOutput = { outcome: 'failed', findings: [{ code: 'bad', message: 'm', rule: 'R1' }] };
    expect(coverUndecidedRules(output, RULES)).toBe(output);
  });

  it('makes every rule undecided that has neither an undecided finding nor a violation', () => {
    const output: CheckOutput = {
      outcome: 'failed',
      findings: [
        { code: 'bad', message: 'm', rule: 'R1', severity: 'error' },
        { code: 'no-answer', message: 'x did not answer', rule: 'R2', undecided: true, exchange: 'x1' },
        { code: 'odd', message: 'm', rule: 'R3', severity: 'info' },
      ],
    };
    const covered = coverUndecidedRules(output, RULES).findings.slice(3);
    expect(covered.map(({ rule, undecided, exchange, params }) => ({ rule, undecided, exchange, params }))).toEqual([
      { rule: 'R3', undecided: true, exchange: 'x1', params: { cause: 'no-answer' } },
      { rule: 'R4', undecided: true, exchange: 'x1', params: { cause: 'no-answer' } },
    ]);
    expect(covered[0]?.message).toBe('not examined: x did not answer');
  });

  it('leaves a rule decided whose SHOULD fired (a warning)', () => {
    const output: CheckOutput = {
      outcome: 'cantTell',
      findings: [
        { code: 'no-answer', message: 'x did not answer', rule: 'R2', undecided: true },
        { code: 'odd', message: 'm', rule: 'R3', severity: 'warning' },
      ],
    };
    expect(coverUndecidedRules(output, RULES).findings.slice(2).map((finding) => finding.rule)).toEqual(['R1', 'R4']);
  });
});
