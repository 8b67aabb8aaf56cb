/** The sample report with a failed SHOULD check (`naming`) and a failed MAY check (`hints`) beside its failed MUST. */
import type { Report } from '../../src/model/report.js';
import { sampleReport } from '../helpers/sample-report.js';

export function withShouldAndMayFailures(): Report {
  const report = sampleReport();
  const mustFailure = report.results[1]!;
  report.checks.push({ ...report.checks[1]!, id: 'naming', severity: 'warning' }, { ...report.checks[1]!, id: 'hints', severity: 'info' });
  report.results.push(
    { ...mustFailure, id: 'naming/GET /bodies', check: 'naming', severity: 'warning' },
    { ...mustFailure, id: 'hints/GET /bodies', check: 'hints', severity: 'info' },
  );
  return report;
}
