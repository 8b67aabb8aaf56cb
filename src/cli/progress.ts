/**
 * Progress of a run on stderr: on a terminal one status line rewritten in place; otherwise
 * (CI logs, pipes) one plain line per result that is not passed, then nothing else. A failed
 * SHOULD or MAY shows as WARN, apart from the failed MUSTs (report/failure-level.ts).
 */
import { countOutcomes, type OutcomeCounts } from '../model/outcome.js';
import { isMustFailure } from '../judge/judgement.js';
import type { CheckResult } from '../model/report.js';
import type { Style } from './style.js';

export interface Progress {
  onResult(result: CheckResult, progress: { done: number; total: number }): void;
  finish(): void;
}

const LABEL = { passed: 'PASS', failed: 'FAIL', cantTell: 'CANT', inapplicable: 'N/A ', untested: 'SKIP' } as const;

function label(result: CheckResult): string {
  return result.outcome === 'failed' && !isMustFailure(result) ? 'WARN' : LABEL[result.outcome];
}

function firstFinding(result: CheckResult): string {
  const finding = result.findings[0];
  return finding ? ` — ${finding.message.split('\n')[0]}` : '';
}

export function createProgress(stream: NodeJS.WriteStream, style: Style): Progress {
  const counts: OutcomeCounts = countOutcomes([]);
  if (!stream.isTTY) {
    return {
      onResult(result) {
        if (result.outcome === 'passed' || result.outcome === 'inapplicable') return;
        stream.write(`${label(result)} ${result.id}${firstFinding(result)}\n`);
      },
      finish() {},
    };
  }
  let shown = false;
  let warnings = 0;
  return {
    onResult(result, { done, total }) {
      const warning = label(result) === 'WARN';
      if (warning) warnings += 1;
      else counts[result.outcome] += 1;
      const colour = (text: string) => (warning ? style.warning(text) : style.outcome(result.outcome, text));
      if (result.outcome === 'failed' || result.outcome === 'cantTell') {
        stream.write(`\r\u001b[2K${colour(label(result))} ${result.id}${firstFinding(result)}\n`);
      }
      const tally = [
        style.outcome('passed', `${counts.passed} passed`),
        style.outcome('failed', `${counts.failed} failed`),
        style.warning(`${warnings} warnings`),
        style.outcome('cantTell', `${counts.cantTell} cantTell`),
      ].join(', ');
      stream.write(`\r\u001b[2K[${done}/${total}] ${tally}`);
      shown = true;
    },
    finish() {
      if (shown) stream.write('\r\u001b[2K');
    },
  };
}
