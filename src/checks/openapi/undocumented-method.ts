/**
 * `openapi.undocumented-method`: a method the document does not define for a path is answered
 * with 405 Method Not Allowed (RFC 9110 §15.5.6), 501 Not Implemented (§15.6.2) or 404; a 405
 * carries an Allow header (§15.5.6, §10.2.1). TRACE is sent by default, being safe (§9.2.1,
 * §9.3.8); DELETE too when the target allows unsafe requests.
 */
import type { CheckOutput, Finding } from '../../core/model.js';
import type { HttpResponse } from '../../http/types.js';
import { buildRequest } from '../../openapi/request.js';
import type { CheckKind } from '../types.js';
import { inapplicable, transportFailure } from './outputs.js';
import { declaredDocument, send, targetUrl } from './shared.js';
import { refusalOutput, statusListSchema } from './statuses.js';

export type UndocumentedMethodOptions = { accept?: number[] };

const DEFAULT_ACCEPT = [404, 405, 501];

export const undocumentedMethodKind: CheckKind<UndocumentedMethodOptions> = {
  name: 'openapi.undocumented-method',
  description: 'A method the document does not define for a path is answered with 404, 405 (with Allow) or 501',
  optionsSchema: {
    type: 'object',
    properties: { accept: { ...statusListSchema, default: DEFAULT_ACCEPT } },
    additionalProperties: false,
  },
  needs: ['endpoint', 'spec'],
  async subjects(context) {
    const document = await declaredDocument(context);
    const paths = [...new Set(document.operations.map((operation) => operation.path))];
    return paths.map((path) => ({ id: path, title: path }));
  },
  async run(context, options, subject) {
    const document = await declaredDocument(context);
    const onPath = document.operations.filter((operation) => operation.path === subject?.id);
    const anchor = onPath.find((operation) => operation.method === 'GET') ?? onPath[0];
    if (!anchor) throw new Error(`the document has no path ${subject?.id ?? '(none given)'}`);
    const candidates = context.target.allowUnsafe ? ['TRACE', 'DELETE'] : ['TRACE'];
    const methods = candidates.filter((method) => !onPath.some((operation) => operation.method === method));
    if (methods.length === 0) return inapplicable(`every method konform may send is documented for ${anchor.path}`);
    const accept = options.accept ?? DEFAULT_ACCEPT;
    const outputs: CheckOutput[] = [];
    for (const method of methods) {
      // RFC 9110 §9.3.8: a TRACE request carries no content; neither does konform's DELETE.
      const { url, headers = {} } = buildRequest(targetUrl(context), document.data, anchor);
      delete headers['content-type'];
      const call = await send(context, { method, url, headers });
      if ('failure' in call) outputs.push(transportFailure(call.failure));
      else outputs.push(judge(`${method} ${anchor.path}`, call.response, accept));
    }
    return combine(outputs);
  },
};

function judge(request: string, response: HttpResponse, accept: number[]): CheckOutput {
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
