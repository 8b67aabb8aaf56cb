/**
 * What the OpenAPI check kinds share within a run: the declared document, loaded and with every
 * schema compiled (once per process, see document-cache.ts), and one exchange per operation, so that an operation is called once
 * however many checks look at its answer.
 */
import { ERROR_CODES, isKonformError, KonformError } from '../../model/errors.js';
import { HttpFailure, type BrokenOffResponse, type HttpRequest, type HttpResponse } from '../../http/types.js';
import type { OpenApiDocument } from '../../openapi/document.js';
import { compiledDocument } from '../../openapi/document-cache.js';
import { assertGivenValuesValid } from '../../openapi/given-values.js';
import { buildRequest, type ParameterOverride, type RequestOptions } from '../../openapi/request.js';
import { problemsOf, type DocumentProblem } from '../../openapi/spec-error.js';
import { operationWithKey } from '../../openapi/operations.js';
import type { Operation } from '../../openapi/types.js';
import { schemaValueCheck } from '../../openapi/value-check.js';
import type { CheckContext, Subject } from '../types.js';

/**
 * What came of a request: a response; or the head of one whose body broke off (over the size
 * limit, past the deadline, the connection lost), which its status and headers still judge,
 * `brokenOff` saying why its body did not come; or a failure that left no response.
 */
export type Call = { response: HttpResponse } | { response: BrokenOffResponse; brokenOff: HttpFailure } | { failure: HttpFailure };

export type Declared = { document: OpenApiDocument } | { problems: DocumentProblem[] };

/**
 * The declared document, or every problem that makes it invalid (the vendor's non-conformance,
 * judged by `openapi.document`); one that cannot be read throws SPEC_MISSING.
 */
export async function declared(context: CheckContext): Promise<Declared> {
  const spec = context.target.spec;
  if (!spec) throw new KonformError(ERROR_CODES.SPEC_MISSING, 'the OpenAPI checks need the document the target declares');
  return context.memo(`openapi:document:${spec}`, async () => {
    try {
      return { document: await compiledDocument(spec, context.signal) };
    } catch (error) {
      if (isKonformError(error) && error.code === ERROR_CODES.SPEC_INVALID) return { problems: problemsOf(error, 'document') };
      throw error;
    }
  });
}

/** The declared document, for checks that run only when it is valid (see valid-document.ts). */
export async function declaredDocument(context: CheckContext): Promise<OpenApiDocument> {
  const found = await declared(context);
  if ('document' in found) return found.document;
  throw new Error('the declared document is invalid');
}

export function targetUrl(context: CheckContext): string {
  const url = context.target.url;
  if (!url) throw new KonformError(ERROR_CODES.TARGET_INVALID, 'the OpenAPI checks need the URL of the target');
  return url;
}

/** Safe operations, and the others too when the target allows unsafe requests. */
export function callableOperations(document: OpenApiDocument, context: CheckContext): Operation[] {
  return document.operations.filter((operation) => operation.safe || context.target.allowUnsafe);
}

/**
 * Operations as subjects, found once per run for all the checks that fan out over them; a
 * value the user gives that its parameter's schema rules out is a usage error.
 */
export function operationSubjects(context: CheckContext): Promise<Subject[]> {
  return context.memo('openapi:operation-subjects', async () => {
    const document = await declaredDocument(context);
    assertGivenValuesValid(document.operations, context.target.parameters, schemaValueCheck(document.schemas));
    return callableOperations(document, context).map((operation) => ({
      id: operation.key,
      title: `${operation.method} ${operation.path}`,
    }));
  });
}

export async function subjectOperation(
  context: CheckContext,
  subject: Subject | undefined,
): Promise<{ document: OpenApiDocument; operation: Operation }> {
  const document = await declaredDocument(context);
  const operation = subject && operationWithKey(document.operations, subject.id);
  if (!operation) throw new Error(`the document has no operation ${subject?.id ?? '(none given)'}`);
  return { document, operation };
}

/** Sends a request; a transport failure is a value, so that every check sharing it sees it. */
export async function send(context: CheckContext, request: HttpRequest): Promise<Call> {
  try {
    return { response: await context.http.send(request) };
  } catch (error) {
    if (!(error instanceof HttpFailure)) throw error;
    return error.response ? { response: error.response, brokenOff: error } : { failure: error };
  }
}

/** How values are chosen for requests: the user's, else the document's where they are valid against their schema. */
export function requestOptions(context: CheckContext, document: OpenApiDocument): RequestOptions {
  const given = context.target.parameters;
  return { check: schemaValueCheck(document.schemas), ...(given && { given }) };
}

export function requestFor(context: CheckContext, document: OpenApiDocument, operation: Operation, override?: ParameterOverride): HttpRequest {
  return buildRequest(targetUrl(context), document.data, operation, { ...requestOptions(context, document), ...(override && { override }) });
}

/** The one exchange of an operation with a valid request, shared by all checks of the run. */
export function callOperation(context: CheckContext, document: OpenApiDocument, operation: Operation): Promise<Call> {
  return context.memo(`openapi:exchange:${operation.key}`, () => send(context, requestFor(context, document, operation)));
}
