/**
 * `openapi.undocumented-method`: a method the document does not define for a path is answered
 * with 405 Method Not Allowed (RFC 9110 §15.5.6), 501 Not Implemented (§15.6.2) or 404; a 405
 * carries an Allow header (§15.5.6, §10.2.1). The probe is TRACE by default, being safe
 * (§9.2.1, §9.3.8), or the method the suite chooses (`method`: any method token of §9.1 but
 * the ones that change state, or GET and HEAD); DELETE too when the target allows unsafe
 * requests. A 401 or 403 to the probe where GET on the same path succeeded says that the method
 * was refused before it reached the API (by a gateway, say): cantTell, naming that cause; so is
 * a target that answers 404 to every operation (not-found.ts).
 */
import type { CheckOutput, Finding } from '../../model/types.js';
import type { ResponseHead } from '../../http/types.js';
import type { OpenApiDocument } from '../../openapi/document.js';
import { operationsOnPath } from '../../openapi/operations.js';
import type { Operation } from '../../openapi/types.js';
import { lintDeciding } from '../decided-rules.js';
import type { CheckContext, CheckKind } from '../types.js';
import { notFoundForWantOfBasePath } from './not-found.js';
import { inapplicable, succeeded, transportFailure } from './outputs.js';
import { RULE } from './rules.js';
import { callOperation, declaredDocument, requestFor, send } from './shared.js';
import { isAuthorizationRefusal, refusalOutput, statusListSchema } from './statuses.js';

export type UndocumentedMethodOptions = { accept?: number[]; method?: string };

const DEFAULT_ACCEPT = [404, 405, 501];
const DEFAULT_METHOD = 'TRACE';

/** RFC 9110 §9.1: a method is a token (§5.6.2); the ones that change state, and GET and HEAD, are no probe. */
const methodSchema = {
  type: 'string',
  pattern: "^[-!#$%&'*+.^_`|~0-9A-Za-z]+$",
  not: { enum: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'CONNECT'] },
  default: DEFAULT_METHOD,
} as const;

export const undocumentedMethodKind: CheckKind<UndocumentedMethodOptions> = {
  name: 'openapi.undocumented-method',
  description: 'A method the document does not define for a path is answered with 404, 405 (with Allow) or 501',
  optionsSchema: {
    type: 'object',
    properties: { accept: { ...statusListSchema, default: DEFAULT_ACCEPT }, method: methodSchema },
    additionalProperties: false,
  },
  needs: ['endpoint', 'spec'],
  lint: lintDeciding([RULE.METHOD_NOT_ALLOWED, RULE.ALLOW_HEADER]),
  async subjects(context) {
    const document = await declaredDocument(context);
    const paths = [...new Set(document.operations.map((operation) => operation.path))];
    return paths.map((path) => ({ id: path, title: path }));
  },
  async run(context, options, subject) {
    const document = await declaredDocument(context);
    const onPath = subject ? operationsOnPath(document.operations, subject.id) : [];
    const anchor = onPath.find((operation) => operation.method === 'GET') ?? onPath[0];
    if (!anchor) throw new Error(`the document has no path ${subject?.id ?? '(none given)'}`);
    const probe = options.method ?? DEFAULT_METHOD;
    const candidates = context.target.allowUnsafe ? [probe, 'DELETE'] : [probe];
    const methods = candidates.filter((method) => !onPath.some((operation) => operation.method === method));
    if (methods.length === 0) return inapplicable(`every method konform may send is documented for ${anchor.path}`);
    const accept = options.accept ?? DEFAULT_ACCEPT;
    const outputs: CheckOutput[] = [];
    for (const method of methods) {
      // RFC 9110 §9.3.8: a TRACE request carries no content; neither does konform's DELETE or another probe.
      const { url, headers = {} } = requestFor(context, document, anchor);
      delete headers['content-type'];
      const call = await send(context, { method, url, headers });
      if ('failure' in call) {
        outputs.push(transportFailure(call.failure));
        continue;
      }
      const missing = await notFoundForWantOfBasePath(context, document, call.response);
      if (missing) outputs.push(missing);
      else if (isAuthorizationRefusal(call.response) && (await getSucceeded(context, document, anchor))) outputs.push(methodRefused(method, anchor, call.response));
      else outputs.push(judge(`${method} ${anchor.path}`, call.response, accept));
    }
    return combine(outputs);
  },
};

/** Whether the valid GET of the path (the request the responses checks send too) succeeded. */
async function getSucceeded(context: CheckContext, document: OpenApiDocument, anchor: Operation): Promise<boolean> {
  if (anchor.method !== 'GET') return false;
  const call = await callOperation(context, document, anchor);
  return 'response' in call && succeeded(call.response);
}

function methodRefused(method: string, anchor: Operation, response: ResponseHead): CheckOutput {
  const finding: Finding = {
    code: 'method-refused',
    message:
      `${method} ${anchor.path} was refused with ${response.status} while GET ${anchor.path} succeeded: the method is refused ` +
      `before it reaches the API (by a gateway or firewall, say), so how the API treats it is not known; ` +
      `a suite can choose another probe method with the option "method" of this check`,
    params: { status: response.status, method },
    exchange: response.exchangeId,
  };
  return { outcome: 'cantTell', findings: [finding], evidence: [response.exchangeId] };
}

function judge(request: string, response: ResponseHead, accept: number[]): CheckOutput {
  const output = refusalOutput(
    {
      request,
      expected: `${accept.join(', ')} for a method the document does not define (RFC 9110 §15.5.6, §15.6.2)`,
      accepts: (status) => accept.includes(status),
    },
    response,
  );
  if (response.status !== 405 || response.headers.allow !== undefined) return output;
  const allowMissing: Finding = {
    code: 'allow-header-missing',
    message: `${request} was answered 405 without the Allow header the status requires (RFC 9110 §15.5.6)`,
    params: { status: 405 },
    severity: 'error',
    exchange: response.exchangeId,
  };
  return { outcome: 'failed', findings: [...output.findings, allowMissing], evidence: [response.exchangeId] };
}

/** Failed if any request failed the check, else cantTell if any could not be made. */
function combine(outputs: CheckOutput[]): CheckOutput {
  const outcome = outputs.some((o) => o.outcome === 'failed') ? 'failed' : outputs.some((o) => o.outcome === 'cantTell') ? 'cantTell' : 'passed';
  return {
    outcome,
    findings: outputs.flatMap((o) => o.findings),
    evidence: outputs.flatMap((o) => o.evidence ?? []),
  };
}
