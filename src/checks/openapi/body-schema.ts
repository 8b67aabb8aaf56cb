/** `openapi.body-schema`: the JSON body of the answer validates against the documented schema. */
import { FINDINGS_PER_RESULT } from '../../core/finding-limit.js';
import { checkBody } from '../../openapi/response-body.js';
import { lintDeciding } from '../decided-rules.js';
import type { CheckKind } from '../types.js';
import { bodyBrokenOff, judgeDocumentedAnswer } from './answer.js';
import { fromResponseCheck } from './outputs.js';
import { RULE } from './rules.js';
import { operationSubjects } from './shared.js';

export type BodySchemaOptions = { maxFindings?: number };

export const bodySchemaKind: CheckKind<BodySchemaOptions> = {
  name: 'openapi.body-schema',
  description: 'The body of the answer is valid JSON and validates against the schema documented for its status and media type',
  optionsSchema: {
    type: 'object',
    properties: { maxFindings: { type: 'integer', minimum: 1, default: FINDINGS_PER_RESULT } },
    additionalProperties: false,
  },
  needs: ['endpoint', 'spec'],
  lint: lintDeciding([RULE.RESP_SCHEMA]),
  subjects: operationSubjects,
  run: (context, options, subject) =>
    judgeDocumentedAnswer(context, subject, (answer, documented) => {
      const { document, operation } = answer;
      if ('brokenOff' in answer) return bodyBrokenOff(answer.brokenOff, operation, 'whether the body is valid');
      return fromResponseCheck(checkBody(document, operation, answer.response, documented, options.maxFindings), answer.response);
    }),
};
