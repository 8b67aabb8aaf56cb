/**
 * `openapi.document`: the declared OpenAPI document is valid for its version (OAS-DOC-VALID)
 * and every schema in it is valid and compiles (OAS-SCHEMA-VALID). An invalid document is the
 * vendor's non-conformance: every problem is a finding of its requirement, with file, JSON
 * pointer, line and column; a document whose structure is invalid leaves its schemas
 * unexamined. What the schema compiler accepted with a warning (a format it does not know,
 * say) is reported as a warning finding, and so is every value konform would send from the
 * document (an example, a default) that is not valid against its schema: konform sends a
 * valid one instead (value-check.ts).
 */
import type { CheckOutput, Finding } from '../../model/types.js';
import type { OpenApiDocument } from '../../openapi/document.js';
import { rejectedValues } from '../../openapi/request.js';
import type { DocumentProblem } from '../../openapi/spec-error.js';
import { schemaValueCheck } from '../../openapi/value-check.js';
import type { CheckContext, CheckKind } from '../types.js';
import { callableOperations, declared } from './shared.js';

/** The requirements of the catalogue (standards/openapi-http) the two aspects of a document belong to. */
const RULES = { document: 'OAS-DOC-VALID', schema: 'OAS-SCHEMA-VALID' } as const;

function problemFinding({ aspect, message, location }: DocumentProblem): Finding {
  const { file, pointer, line, column } = location;
  return {
    code: aspect === 'document' ? 'document-invalid' : 'schema-invalid',
    message,
    severity: 'error',
    rule: RULES[aspect],
    location: {
      ...(file === undefined ? {} : { file }),
      ...(pointer === undefined ? {} : { specPointer: pointer }),
      ...(line === undefined ? {} : { line }),
      ...(column === undefined ? {} : { column }),
    },
  };
}

function invalidOutput(problems: DocumentProblem[]): CheckOutput {
  const findings = problems.map(problemFinding);
  if (!problems.some((problem) => problem.aspect === 'schema')) {
    findings.push({
      code: 'not-examined',
      message: 'the schemas were not examined, as the document is not a valid OpenAPI document',
      rule: RULES.schema,
      undecided: true,
    });
  }
  return { outcome: 'failed', findings };
}

/** The values of the document konform would send that are not valid against their schema, each once. */
function invalidValueFindings(context: CheckContext, document: OpenApiDocument): Finding[] {
  const check = schemaValueCheck(document.schemas);
  const rejected = callableOperations(document, context).flatMap((operation) => rejectedValues(document.data, operation, check));
  const unique = rejected.filter((value, index) => rejected.findIndex((other) => other.pointer === value.pointer) === index);
  return unique.map(({ pointer, schemaPointer, problem }) => ({
    code: 'example-invalid',
    message: `the value at ${pointer} is not valid against its schema at ${schemaPointer} (${problem}); konform sends a valid value instead`,
    severity: 'warning',
    params: { schemaPointer, problem },
    location: { specPointer: pointer },
  }));
}

export const documentKind: CheckKind = {
  name: 'openapi.document',
  description: 'The declared OpenAPI document is valid and every schema in it compiles',
  needs: ['spec'],
  async subjects(context) {
    const found = await declared(context);
    const title = 'document' in found ? found.document.title : undefined;
    return [{ id: 'document', title: title ?? context.target.spec ?? 'the declared document' }];
  },
  async run(context) {
    const found = await declared(context);
    if (!('document' in found)) return invalidOutput(found.problems);
    const { document } = found;
    const schemaWarnings = document.schemas.warnings.map(
      (warning): Finding => ({ code: 'schema-warning', message: warning, severity: 'warning', params: { version: document.declaredVersion } }),
    );
    return { outcome: 'passed', findings: [...schemaWarnings, ...invalidValueFindings(context, document)] };
  },
};
