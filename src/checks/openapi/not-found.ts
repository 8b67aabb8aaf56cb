/**
 * A 404 Not Found (RFC 9110 §15.5.5) to the valid request of an operation may say nothing of
 * the operation: its path carries a value konform made up (no resource has that id), or the
 * target URL lacks the base path under which the API lives (every operation answers 404).
 * Both are cantTell, with what the user can do about them; the base path is never passed over.
 * Where the document's servers name no base path and every request carried a made-up value,
 * the two cannot be told apart: both are named.
 */
import type { CheckOutput, Finding } from '../../model/types.js';
import type { ResponseHead } from '../../http/types.js';
import type { OpenApiDocument } from '../../openapi/document.js';
import { madeUpPathParameters } from '../../openapi/request.js';
import { serversPath } from '../../openapi/servers.js';
import type { Operation, ParameterSpec } from '../../openapi/types.js';
import type { CheckContext } from '../types.js';
import { callableOperations, callOperation, requestOptions, targetUrl } from './shared.js';

const NOT_FOUND = 404;

/** cantTell for a 404 to the operation's valid request that says nothing of it; undefined for any other answer. */
export async function notFoundCantTell(
  context: CheckContext,
  document: OpenApiDocument,
  operation: Operation,
  response: ResponseHead,
): Promise<CheckOutput | undefined> {
  if (response.status !== NOT_FOUND) return undefined;
  const missing = await notFoundForWantOfBasePath(context, document, response);
  if (missing) return missing;
  const madeUp = madeUpPathParameters(document.data, operation, requestOptions(context, document));
  if (madeUp.length === 0) return undefined;
  const finding: Finding = {
    code: 'made-up-path-value',
    message: `${operation.method} ${operation.path} answered 404 to a path with a made-up value; ${valueHints(madeUp)}`,
    params: { status: response.status, parameters: madeUp.map((parameter) => parameter.name) },
    location: { operation: operation.key },
    exchange: response.exchangeId,
  };
  return { outcome: 'cantTell', findings: [finding], evidence: [response.exchangeId] };
}

/** cantTell for a 404 (to any request) on a target that lacks the API's base path; undefined otherwise. */
export async function notFoundForWantOfBasePath(
  context: CheckContext,
  document: OpenApiDocument,
  response: ResponseHead,
): Promise<CheckOutput | undefined> {
  return response.status === NOT_FOUND ? basePathMissing(context, document) : undefined;
}

/** How to give values for path parameters konform made up. */
function valueHints(madeUp: readonly ParameterSpec[]): string {
  const names = [...new Set(madeUp.map((parameter) => parameter.name))];
  return names.map((name) => `no value for path parameter ${name}: give one with --param ${name}=…`).join('; ');
}

/**
 * What the 404 of every operation with a documented success says of the target URL: it may
 * lack the base path when its path does not end with that of the document's servers (`base`),
 * or when some of those requests carried no made-up path value, or when the servers name no
 * path (so the target URL cannot be checked against it) and every request carried one;
 * undefined when it may be the made-up values alone.
 */
function allNotFoundMessage(base: string, lacksBase: boolean, madeUp: ReadonlyArray<readonly ParameterSpec[]>): string | undefined {
  const answered = 'every operation with a documented success answered 404';
  if (lacksBase) return `${answered}: the target URL may lack the base path ${base} of the document's servers`;
  if (madeUp.some((parameters) => parameters.length === 0)) return `${answered}: the target URL may lack the base path of the API`;
  if (base !== '') return undefined;
  const cause = "the target URL may lack the base path of the API (the document's servers name none), or no resource has those values";
  return `${answered}, each to a path with a made-up value: ${cause}; ${valueHints(madeUp.flat())}`;
}

/** cantTell when every callable operation with a documented success answered 404 and allNotFoundMessage names a cause; decided once per run. */
function basePathMissing(context: CheckContext, document: OpenApiDocument): Promise<CheckOutput | undefined> {
  return context.memo('openapi:base-path-missing', async () => {
    const documented = callableOperations(document, context).filter((operation) =>
      operation.responses.some((response) => /^2(\d\d|XX)$/i.test(response.status)),
    );
    if (documented.length === 0) return undefined;
    const calls = await Promise.all(documented.map((operation) => callOperation(context, document, operation)));
    const answers = calls.flatMap((call) => ('response' in call && call.response.status === NOT_FOUND ? [call.response] : []));
    if (answers.length < documented.length) return undefined;
    const base = serversPath(document.data);
    const lacksBase = base !== '' && !new URL(targetUrl(context)).pathname.replace(/\/+$/, '').endsWith(base);
    const options = requestOptions(context, document);
    const madeUp = documented.map((operation) => madeUpPathParameters(document.data, operation, options));
    const message = allNotFoundMessage(base, lacksBase, madeUp);
    if (message === undefined) return undefined;
    const finding: Finding = {
      code: 'base-path-missing',
      message,
      params: { status: NOT_FOUND, target: targetUrl(context), ...(lacksBase ? { basePath: base } : {}) },
      exchange: answers[0]?.exchangeId,
    };
    const evidence = answers.map((response) => response.exchangeId);
    return { outcome: 'cantTell', findings: [finding], evidence } satisfies CheckOutput;
  });
}
