/**
 * report.json in pieces: the text of `JSON.stringify(report, null, 2)`, with the members of
 * each top-level array rendered one at a time — a report of 10 000 message files is tens of
 * megabytes of JSON, written without ever being one string.
 */
import type { Report } from '../model/report.js';

/** `JSON.stringify(value, null, 2)` as it reads nested under `margin` (newlines in JSON strings are escaped). */
const pretty = (value: unknown, margin: string): string => JSON.stringify(value, null, 2).replaceAll('\n', `\n${margin}`);

export function* jsonChunks(report: Report): Generator<string> {
  const members = Object.entries(report).filter(([, value]) => value !== undefined);
  yield '{\n';
  for (const [index, [key, value]] of members.entries()) {
    const separator = index < members.length - 1 ? ',\n' : '\n';
    if (!Array.isArray(value) || value.length === 0) {
      yield `  ${JSON.stringify(key)}: ${pretty(value, '  ')}${separator}`;
      continue;
    }
    yield `  ${JSON.stringify(key)}: [\n`;
    for (const [position, item] of value.entries()) yield `    ${pretty(item, '    ')}${position < value.length - 1 ? ',\n' : '\n'}`;
    yield `  ]${separator}`;
  }
  yield '}\n';
}
