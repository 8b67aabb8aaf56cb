/**
 * Markdown escaping for values that may come from a hostile server. Everything is rendered on
 * one line, so a value can never start a block or end a table row.
 */
import { printable } from './printable.js';

/** Line breaks become spaces: a table row is one line (GFM §4.10); also what a terminal line may show. */
export function oneLine(value: string): string {
  return printable(value).replace(/\r\n|\r|\n/g, ' ');
}

/**
 * Plain inline text: every character with an inline meaning is backslash-escaped, which
 * CommonMark allows for any ASCII punctuation (§2.4); `\|` also keeps a table cell whole.
 */
export function mdText(value: string): string {
  return oneLine(value).replace(/[\\`*_{}[\]<>()#+!|~&]/g, '\\$&');
}

/**
 * A code span (CommonMark §6.1): the fence is one backtick longer than the longest run in the
 * value, padded with spaces when the value begins or ends with a backtick or space. In a table
 * cell, pipes must be escaped even inside code (GFM §4.10).
 */
export function mdCode(value: string, inTable = false): string {
  if (value === '') return '(empty)';
  let content = oneLine(value);
  if (inTable) content = content.replace(/\|/g, '\\|');
  const longestRun = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = /^[` ]|[` ]$/.test(content) ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}

/** A GFM table (§4.10) from a header row and body rows of already escaped cells. */
export function mdTable(header: string[], rows: string[][], align?: Array<'left' | 'right'>): string {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  const delimiter = header.map((_, index) => (align?.[index] === 'right' ? '---:' : '---'));
  return [line(header), line(delimiter), ...rows.map(line)].join('\n');
}

/** `[ID](<clause>)` when the clause is a plain http(s) link, else the ID as code (fit for a table cell). */
export function requirementCell(id: string, clause: string): string {
  return /^https?:\/\/[^\s<>|\\]+$/.test(clause) ? `[${mdText(id)}](<${clause}>)` : mdCode(id, true);
}
