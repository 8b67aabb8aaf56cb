/**
 * The report formats, each rendered from the canonical report. A new format is one file
 * plus one entry here.
 */
import { renderJUnit } from './junit.js';
import { renderSummary } from './markdown.js';
import type { Report } from './model.js';

export interface ReportFormat {
  /** File name inside the output folder. */
  file: string;
  render(report: Report): string;
}

export const REPORT_FORMATS: Record<string, ReportFormat> = {
  json: { file: 'report.json', render: (report) => `${JSON.stringify(report, null, 2)}\n` },
  junit: { file: 'junit.xml', render: renderJUnit },
  markdown: { file: 'summary.md', render: renderSummary },
};
