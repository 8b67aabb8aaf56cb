/**
 * The frame of the checks that judge an operation's answer to a valid request: get the shared
 * exchange, turn transport failures, 5xx answers and refusals of a secured operation for want
 * of credentials into cantTell, and so a 404 that says nothing of the operation (not-found.ts), find the documented response for the status, and let the
 * check judge the rest; only a failure is decided by an answer that is no success.
 */
import type { CheckOutput } from '../../model/types.js';
import type { HttpResponse } from '../../http/types.js';
import type { OpenApiDocument } from '../../openapi/document.js';
import { documentedResponse } from '../../openapi/response-status.js';
import type { Operation, ResponseSpec } from '../../openapi/types.js';
import type { CheckContext, Subject } from '../types.js';
import { inapplicable, judgedWithoutSuccess, needsCredentials, serverErrorCantTell, transportFailure } from './outputs.js';
import { notFoundCantTell } from './not-found.js';
import { callOperation, subjectOperation } from './shared.js';
import { isAuthorizationRefusal } from './statuses.js';

export interface Answer {
  document: OpenApiDocument;
  operation: Operation;
  response: HttpResponse;
}

export async function judgeAnswer(
  context: CheckContext,
  subject: Subject | undefined,
  judge: (answer: Answer) => CheckOutput,
): Promise<CheckOutput> {
  const { document, operation } = await subjectOperation(context, subject);
  const call = await callOperation(context, document, operation);
  if ('failure' in call) return transportFailure(call.failure, operation);
  if (operation.secured && isAuthorizationRefusal(call.response)) return needsCredentials(operation, call.response);
  if (call.response.status >= 500) return serverErrorCantTell(operation, call.response);
  const notFound = await notFoundCantTell(context, document, operation, call.response);
  if (notFound) return notFound;
  return judgedWithoutSuccess(judge({ document, operation, response: call.response }), operation, call.response);
}

/** As judgeAnswer, for checks that need the Response Object documented for the status. */
export function judgeDocumentedAnswer(
  context: CheckContext,
  subject: Subject | undefined,
  judge: (answer: Answer, documented: ResponseSpec) => CheckOutput,
): Promise<CheckOutput> {
  return judgeAnswer(context, subject, (answer) => {
    const documented = documentedResponse(answer.operation, answer.response.status);
    if (!documented) {
      return inapplicable(`the status ${answer.response.status} is not documented, so nothing describes the answer`, [
        answer.response.exchangeId,
      ]);
    }
    return judge(answer, documented);
  });
}
