import { describe, expect, it } from 'vitest';
import { OUTCOMES } from '../../src/model/outcome.js';
import { HTTP_FAILURE_REASONS } from '../../src/model/exchange.js';
import schema from '../../src/report/report.schema.json' with { type: 'json' };
import { REPORT_SCHEMA_ID, validateReport } from '../../src/report/validate-report.js';
import { incompleteReport, sampleReport } from '../helpers/sample-report.js';

describe('validateReport', () => {
  it('accepts a finished and an interrupted report, also after a JSON round trip', () => {
    expect(validateReport(sampleReport())).toEqual([]);
    expect(validateReport(incompleteReport())).toEqual([]);
    expect(validateReport(JSON.parse(JSON.stringify(sampleReport())))).toEqual([]);
  });

  it('reports a missing required property with its path', () => {
    const report: Record<string, unknown> = { ...sampleReport() };
    delete report['verdict'];
    expect(validateReport(report)).toEqual(["/: must have required property 'verdict'"]);
  });

  it('reports a missing property of a nested finding', () => {
    const report = sampleReport();
    delete (report.results[1]!.findings[0] as { code?: string }).code;
    expect(validateReport(report)).toEqual(["/results/1/findings/0: must have required property 'code'"]);
  });

  it('reports values outside an enum, naming the allowed values', () => {
    const report = sampleReport();
    (report.results[0] as { outcome: string }).outcome = 'success';
    (report.requirements[0] as { level: string }).level = 'MUST NOT';
    expect(validateReport(report)).toEqual([
      '/results/0/outcome: must be equal to one of the allowed values (passed, failed, cantTell, inapplicable, untested)',
      '/requirements/0/level: must be equal to one of the allowed values (MUST, SHOULD, MAY)',
    ]);
  });

  it('rejects unknown properties, a bad exit code, a bad hash and a bad timestamp', () => {
    const report = { ...sampleReport(), extra: true, exitCode: 2, finishedAt: 'yesterday' };
    report.suite.sha256 = 'ABC';
    const errors = validateReport(report);
    expect(errors).toContain('/: must NOT have additional properties (extra)');
    expect(errors).toContain('/exitCode: must be equal to one of the allowed values (0, 1, 3)');
    expect(errors).toContain('/suite/sha256: must match pattern "^[0-9a-f]{64}$"');
    expect(errors).toContain('/finishedAt: must match format "date-time"');
  });

  it('checks exchanges: failure reasons and header values', () => {
    const report = sampleReport();
    (report.exchanges[2]!.error as { reason: string }).reason = 'slow';
    (report.exchanges[1]!.response!.headers as Record<string, unknown>)['x-count'] = 3;
    const errors = validateReport(report);
    expect(errors.some((error) => error.startsWith('/exchanges/2/error/reason: must be equal to one of'))).toBe(true);
    expect(errors).toContain('/exchanges/1/response/headers/x-count: must be string');
  });

  it('rejects something that is not a report at all', () => {
    expect(validateReport('report')).toEqual(['/: must be object']);
  });

  it('keeps its enums in step with the TypeScript constants', () => {
    expect(schema.$defs.Outcome.enum).toEqual([...OUTCOMES]);
    expect(schema.$defs.HttpFailureReason.enum).toEqual([...HTTP_FAILURE_REASONS]);
    expect(Object.keys(schema.$defs.OutcomeCounts.properties)).toEqual([...OUTCOMES]);
    expect(REPORT_SCHEMA_ID).toBe('https://konform.dev/schema/report/1.0.json');
  });
});
