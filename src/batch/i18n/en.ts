/** The English catalogue of a batch's index.html (messages.ts). */
import type { BatchMessages } from './messages.js';

const number = new Intl.NumberFormat('en').format;
const plural = (count: number, one: string, many: string): string => `${number(count)} ${count === 1 ? one : many}`;

export const en: BatchMessages = {
  title: 'konform batch',
  lead: (runs, subjects, suites) =>
    `${plural(runs, 'run', 'runs')}: ${plural(subjects, 'subject', 'subjects')} × ${plural(suites, 'suite', 'suites')}. Each cell links to its run's report.`,
  facts: {
    plan: 'Plan',
    shard: 'Shard',
    shardOf: (index, total, runs, planRuns) => `shard ${number(index)} of ${number(total)}: ${plural(runs, 'run', 'runs')} of the plan's ${number(planRuns)}`,
    date: 'Run',
    tool: 'Tool',
    exitCode: 'Exit code',
  },
  matrix: { caption: 'Verdicts by subject and suite', subject: 'Subject', noRun: 'no run' },
  failed: (must, should, may) => `failed: ${number(must)} MUST, ${number(should)} SHOULD, ${number(may)} MAY`,
  incomplete: 'incomplete',
  error: 'configuration error',
  footer: (tool) => `Rendered by ${tool} from index.json, the canonical index of this batch.`,
};
