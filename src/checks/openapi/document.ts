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
import { forEachInSlices } from '../../core/event-loop.js';
import type { SourceLocation } from '../../model/errors.js';
import type { CheckOutput, Finding, FindingLocation } from '../../model/types.js';
import type { OpenApiDocument } from '../../openapi/document.js';
import { rejectedValues } from '../../openapi/request.js';
import type { RejectedValue } from '../../openapi/value-check.js';
import type { DocumentProblem } from '../../openapi/spec-error.js';
import { schemaValueCheck } from '../../openapi/value-check.js';
import { lintDeciding } from '../decided-rules.js';
import type { CheckContext, CheckKind } from '../types.js';
import { RULE } from './rules.js';
import { callableOperations, declared } from './shared.js';

/** The requirements the two aspects of a document belong to. */
const RULES = { document: RULE.DOC_VALID, schema: RULE.SCHEMA_VALID } as const;

/** A place in the declared document as a finding names it. */
function inDocument({ file, pointer, line, column }: SourceLocation): FindingLocation {
  return {
    ...(file === undefined ? {} : { file }),
    ...(pointer === undefined ? {} : { specPointer: pointer }),
    ...(line === undefined ? {} : { line }),
    ...(column === undefined ? {} : { column }),
  };
}

function problemFinding({ aspect, message, location }: DocumentProblem): Finding {
  return {
    code: aspect === 'document' ? 'document-invalid' : 'schema-invalid',
    message,
    severity: 'error',
    rule: RULES[aspect],
    location: inDocument(location),
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

/**
 * The values of the document konform would send that are not valid against their schema, each
 * once; the other checks' requests go out meanwhile (ten thousand operations take a while).
 */
async function invalidValueFindings(context: CheckContext, document: OpenApiDocument): Promise<Finding[]> {
  const check = schemaValueCheck(document.schemas);
  const unique = new Map<string, RejectedValue>();
  await forEachInSlices(callableOperations(document, context), context.signal, (operation) => {
    for (const value of rejectedValues(document.data, operation, check)) if (!unique.has(value.pointer)) unique.set(value.pointer, value);
  });
  return [...unique.values()].map(({ pointer, schemaPointer, problem }) => ({
    code: 'example-invalid',
    message: `the value at ${pointer} is not valid against its schema at ${schemaPointer} (${problem}); konform sends a valid value instead`,
    severity: 'warning',
    params: { schemaPointer, problem },
    location: inDocument(document.locate(pointer)),
  }));
}

export const documentKind: CheckKind = {
  name: 'openapi.document',
  description: 'The declared OpenAPI document is valid and every schema in it compiles',
  needs: ['spec'],
  lint: lintDeciding(Object.values(RULES)),
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
    return { outcome: 'passed', findings: [...schemaWarnings, ...(await invalidValueFindings(context, document))] };
  },
};
