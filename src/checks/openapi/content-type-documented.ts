/** `openapi.content-type-documented`: the Content-Type of the answer is documented for its status. */
import { checkContentType } from '../../openapi/response-content-type.js';
import { lintDeciding } from '../decided-rules.js';
import type { CheckKind } from '../types.js';
import { bodyBrokenOff, hasContent, judgeDocumentedAnswer } from './answer.js';
import { fromResponseCheck } from './outputs.js';
import { RULE } from './rules.js';
import { operationSubjects } from './shared.js';

export const contentTypeDocumentedKind: CheckKind = {
  name: 'openapi.content-type-documented',
  description: 'The Content-Type of the answer is one of the media types documented for its status',
  needs: ['endpoint', 'spec'],
  lint: lintDeciding([RULE.RESP_MEDIA_TYPE]),
  subjects: operationSubjects,
  run: (context, _options, subject) =>
    judgeDocumentedAnswer(context, subject, (answer, documented) => {
      const { operation, response } = answer;
      const content = hasContent(answer);
      if (content === undefined && 'brokenOff' in answer) return bodyBrokenOff(answer.brokenOff, operation, 'whether the answer has content');
      return fromResponseCheck(checkContentType(operation, response, documented, content === true), response);
    }),
};
