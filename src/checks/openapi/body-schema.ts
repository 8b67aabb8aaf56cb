/** `openapi.body-schema`: the JSON body of the answer validates against the documented schema. */
import { checkBody, DEFAULT_MAX_SCHEMA_FINDINGS } from '../../openapi/response-body.js';
import type { CheckKind } from '../types.js';
import { judgeDocumentedAnswer } from './answer.js';
import { fromResponseCheck } from './outputs.js';
import { operationSubjects } from './shared.js';

export type BodySchemaOptions = { maxFindings?: number };

export const bodySchemaKind: CheckKind<BodySchemaOptions> = {
  name: 'openapi.body-schema',
  description: 'The body of the answer is valid JSON and validates against the schema documented for its status and media type',
  optionsSchema: {
    type: 'object',
    properties: { maxFindings: { type: 'integer', minimum: 1, default: DEFAULT_MAX_SCHEMA_FINDINGS } },
    additionalProperties: false,
  },
  needs: ['endpoint', 'spec'],
  subjects: operationSubjects,
  run: (context, options, subject) =>
    judgeDocumentedAnswer(context, subject, ({ document, operation, response }, documented) =>
      fromResponseCheck(checkBody(document, operation, response, documented, options.maxFindings), response),
    ),
};
