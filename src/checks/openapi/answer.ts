/**
 * The frame of the checks that judge an operation's answer to a valid request: get the shared
 * exchange, turn transport failures, 5xx answers and refusals of a secured operation for want
 * of credentials into cantTell, and so a 404 that says nothing of the operation (not-found.ts), find the documented response for the status, and let the
 * check judge the rest; only a failure is decided by an answer that is no success. An answer
 * whose body broke off after its status and headers came is judged by what came: a check that
 * needs the body is cantTell, with the reason it did not come.
 */
import type { CheckOutput } from '../../model/types.js';
import type { HttpFailure } from '../../http/types.js';
import type { OpenApiDocument } from '../../openapi/document.js';
import { headerValue } from '../../openapi/response-check.js';
import { documentedResponse } from '../../openapi/response-status.js';
import type { Operation, ResponseSpec } from '../../openapi/types.js';
import type { CheckContext, Subject } from '../types.js';
import { inapplicable, judgedWithoutSuccess, needsCredentials, serverErrorCantTell, transportFailure } from './outputs.js';
import { notFoundCantTell } from './not-found.js';
import { callOperation, subjectOperation, type Call } from './shared.js';
import { isAuthorizationRefusal } from './statuses.js';

/** The answer to the operation's valid request: the whole response, or the head of one whose body broke off. */
export type Answer = { document: OpenApiDocument; operation: Operation } & Exclude<Call, { failure: HttpFailure }>;

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
  return judgedWithoutSuccess(judge({ document, operation, ...call }), operation, call.response);
}

/** cantTell for a check that needs the body of an answer that broke off, with the reason. */
export function bodyBrokenOff(failure: HttpFailure, operation: Operation, unknown: string): CheckOutput {
  return transportFailure(failure, operation, `the status and headers arrived, the body did not, so ${unknown} is not known`);
}

/**
 * Whether the answer has content; of a body that broke off, known where a byte of it came or
 * Content-Length announced some (RFC 9110 §8.6), undefined otherwise.
 */
export function hasContent(answer: Answer): boolean | undefined {
  if (!('brokenOff' in answer)) return answer.response.body.length > 0;
  return answer.response.bodyBytes > 0 || Number(headerValue(answer.response, 'content-length')) > 0 ? true : undefined;
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
