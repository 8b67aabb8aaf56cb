/** The sample report with one defect repeated on many objects: the case of one entry with a count. */
import type { Report } from '../../src/model/report.js';
import type { Finding } from '../../src/model/types.js';
import { sampleReport } from '../helpers/sample-report.js';

const BASE = 'http://127.0.0.1:8080/oparl/v1';

/** The sample report with `count` objects missing the same property, each seen in an exchange of its own. */
export function withRepeatedDefect(count: number): Report {
  const report = sampleReport();
  const failed = report.results[1]!;
  report.exchanges = report.exchanges.concat(
    Array.from({ length: count }, (_, index) => ({
      id: `o${index}`, startedAt: '2025-03-01T10:00:01.000Z', durationMs: 1,
      request: { method: 'GET', url: `${BASE}/paper/${index}`, headers: {} },
      response: { status: 200, url: `${BASE}/paper/${index}`, headers: {}, bodyExcerpt: '{}', bodyBytes: 2, truncated: false },
    })),
  );
  const missing = (index: number, property: string): Finding => ({
    code: 'schema-violation', rule: 'OPARL-BODY-1', severity: 'error', exchange: `o${index}`,
    message: `${BASE}/paper/${index} at /data/${index}/${property}: oparl:Paper the property "${property}" is missing`,
    location: { bodyPointer: `/data/${index}/${property}` },
  });
  failed.findings = [...failed.findings, ...Array.from({ length: count }, (_, index) => missing(index, 'name')), missing(0, 'date')];
  return report;
}
