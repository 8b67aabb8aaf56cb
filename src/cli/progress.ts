/**
 * Progress of a run on stderr: on a terminal one status line rewritten in place; otherwise
 * (CI logs, pipes) one plain line per result that is not passed, then nothing else.
 */
import { countOutcomes, type OutcomeCounts } from '../core/outcome.js';
import type { CheckResult } from '../report/model.js';
import type { Style } from './style.js';

export interface Progress {
  onResult(result: CheckResult, progress: { done: number; total: number }): void;
  finish(): void;
}

const LABEL = { passed: 'PASS', failed: 'FAIL', cantTell: 'CANT', inapplicable: 'N/A ', untested: 'SKIP' } as const;

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
        stream.write(`${LABEL[result.outcome]} ${result.id}${firstFinding(result)}\n`);
      },
      finish() {},
    };
  }
  let shown = false;
  return {
    onResult(result, { done, total }) {
      counts[result.outcome] += 1;
      if (result.outcome === 'failed' || result.outcome === 'cantTell') {
        stream.write(`\r\u001b[2K${style.outcome(result.outcome, LABEL[result.outcome])} ${result.id}${firstFinding(result)}\n`);
      }
      const tally = (['passed', 'failed', 'cantTell'] as const)
        .map((outcome) => style.outcome(outcome, `${counts[outcome]} ${outcome}`))
        .join(', ');
      stream.write(`\r\u001b[2K[${done}/${total}] ${tally}`);
      shown = true;
    },
    finish() {
      if (shown) stream.write('\r\u001b[2K');
    },
  };
}
