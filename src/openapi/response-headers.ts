/**
 * Whether the headers a Response Object marks `required: true` (OpenAPI 3 Header Object) are present
 * and valid against their schema. Header values are read in the `simple` style (Parameter Object, Style Values):
 * comma-separated arrays, numbers and booleans as text.
 */
import type { ResponseHead } from '../http/types.js';
import type { OpenApiDocument } from './document.js';
import { valueAt } from '../core/json-pointer.js';
import { isJsonObject, resolveLocal } from './refs.js';
import { checked, headerValue, notApplicable, problem, type ResponseCheck } from './response-check.js';
import type { JsonObject, Operation, ResponseSpec } from './types.js';

export function checkRequiredHeaders(
  document: OpenApiDocument,
  operation: Operation,
  response: ResponseHead,
  documented: ResponseSpec,
): ResponseCheck {
  const required = documented.headers.filter((header) => header.required);
  if (required.length === 0) return notApplicable(`no required header is documented for ${documented.status}`);
  const findings = required.flatMap((header) => {
    const raw = headerValue(response, header.name);
    if (raw === undefined) {
      return [
        problem(operation, response, {
          code: 'header-missing',
          message: `the required header ${header.name} is missing`,
          params: { header: header.name },
          specPointer: header.pointer,
        }),
      ];
    }
    if (header.schemaPointer === undefined) return [];
    const validate = document.schemas.validator(header.schemaPointer);
    const value = readSimple(document.data, valueAt(document.data, header.schemaPointer), raw);
    if (validate(value)) return [];
    const reasons = (validate.errors ?? []).map((error) => `${error.instancePath || '(value)'} ${error.message ?? error.keyword}`);
    return [
      problem(operation, response, {
        code: 'header-invalid',
        message: `the header ${header.name}: ${raw} is not valid: ${reasons.join('; ')}`,
        params: { header: header.name, value: raw, errors: reasons },
        specPointer: header.schemaPointer,
      }),
    ];
  });
  return checked(findings);
}

/** The typed value of a header as its schema reads it; text the schema's type cannot take stays text. */
function readSimple(data: JsonObject, schema: unknown, raw: string): unknown {
  const resolved = resolveLocal(data, { value: schema, pointer: '' }).value;
  const type = isJsonObject(resolved) ? [resolved.type].flat().find((t) => t !== 'null') : undefined;
  if (type === 'array') return raw.split(',').map((item) => readSimple(data, isJsonObject(resolved) ? resolved.items : {}, item.trim()));
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(raw.trim())) return Number(raw);
  if (type === 'boolean' && (raw === 'true' || raw === 'false')) return raw === 'true';
  return raw;
}
