/**
 * The report formats, each rendered from the canonical report as a sequence of text pieces
 * that are written as they come. A new format is one file plus one entry here.
 */
import { earlChunks } from './earl.js';
import { htmlChunks } from './html/html.js';
import type { RenderOptions } from './i18n/index.js';
import { jsonChunks } from './json-chunks.js';
import { junitChunks } from './junit.js';
import { summaryChunks } from './markdown.js';
import { sarifChunks } from './sarif.js';
import type { Report } from '../model/report.js';

export interface ReportFormat {
  /** File name inside the output folder. */
  file: string;
  /** The file's text, in pieces; a piece never splits a string value of the report. A format for people takes its language from the options. */
  render(report: Report, options?: RenderOptions): Iterable<string>;
}

export const REPORT_FORMATS: Record<string, ReportFormat> = {
  json: { file: 'report.json', render: jsonChunks },
  junit: { file: 'junit.xml', render: junitChunks },
  md: { file: 'summary.md', render: summaryChunks },
  html: { file: 'report.html', render: htmlChunks },
  earl: { file: 'report.earl.jsonld', render: earlChunks },
  sarif: { file: 'report.sarif', render: sarifChunks },
};
