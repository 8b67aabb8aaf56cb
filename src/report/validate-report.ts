/**
 * Validates a document against the report schema (report.schema.json, JSON Schema 2020-12).
 * The validator is compiled on first use and shared afterwards.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import reportSchema from './report.schema.json' with { type: 'json' };

/** `$id` of the report schema. */
export const REPORT_SCHEMA_ID = reportSchema.$id;

let compiled: ValidateFunction | undefined;

function reportValidator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormatsPlugin.default(ajv);
    compiled = ajv.compile(reportSchema);
  }
  return compiled;
}

/** "/results/0/outcome: must be equal to one of the allowed values (passed, failed, …)". */
function describeError(error: ErrorObject): string {
  const place = error.instancePath === '' ? '/' : error.instancePath;
  const params = error.params as Record<string, unknown>;
  let detail = '';
  if (error.keyword === 'additionalProperties') detail = ` (${String(params['additionalProperty'])})`;
  if (error.keyword === 'enum') detail = ` (${(params['allowedValues'] as unknown[]).join(', ')})`;
  if (error.keyword === 'const') detail = ` (${JSON.stringify(params['allowedValue'])})`;
  return `${place}: ${error.message ?? error.keyword}${detail}`;
}

/** Returns one readable line per schema violation; an empty array means the report is valid. */
export function validateReport(report: unknown): string[] {
  const validate = reportValidator();
  if (validate(report)) return [];
  return (validate.errors ?? []).map(describeError);
}
