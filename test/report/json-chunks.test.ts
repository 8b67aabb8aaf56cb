import { describe, expect, it } from 'vitest';
import { jsonChunks } from '../../src/report/json-chunks.js';
import { incompleteReport, sampleReport } from '../helpers/sample-report.js';

describe('jsonChunks', () => {
  it('pieces together to exactly JSON.stringify(report, null, 2)', () => {
    for (const report of [sampleReport(), incompleteReport(), { ...sampleReport(), results: [], exchanges: [] }]) {
      expect([...jsonChunks(report)].join('')).toBe(`${JSON.stringify(report, null, 2)}\n`);
    }
  });

  it('renders each member of a top-level array as its own piece', () => {
    const report = sampleReport();
    const pieces = [...jsonChunks(report)];
    expect(pieces.length).toBeGreaterThan(report.results.length + report.requirements.length + report.exchanges.length);
    for (const result of report.results) expect(pieces.some((piece) => piece.trim().replace(/,$/, '') === JSON.stringify(result, null, 2).replaceAll('\n', '\n    '))).toBe(true);
  });
});
