/**
 * `openapi.document`: the declared OpenAPI document is valid for its version and every schema
 * in it compiles. A broken document throws SPEC_INVALID while subjects are computed, which ends
 * the run as a configuration error; what the schema compiler accepted with a warning (a format
 * it does not know, say) is reported as a warning finding.
 */
import type { CheckKind } from '../types.js';
import { declaredDocument } from './shared.js';

export const documentKind: CheckKind = {
  name: 'openapi.document',
  description: 'The declared OpenAPI document is valid and every schema in it compiles',
  needs: ['spec'],
  async subjects(context) {
    const document = await declaredDocument(context);
    return [{ id: 'document', title: document.title ?? document.file }];
  },
  async run(context) {
    const document = await declaredDocument(context);
    return {
      outcome: 'passed',
      findings: document.schemas.warnings.map((warning) => ({
        code: 'schema-warning',
        message: warning,
        severity: 'warning',
        params: { version: document.declaredVersion },
      })),
    };
  },
};
