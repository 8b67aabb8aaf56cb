/**
 * `openapi.undocumented-path`: a request for a path the document does not define is answered
 * with 404 Not Found (RFC 9110 §15.5.5) or, where the suite allows it, 410 Gone (§15.5.11);
 * on a target that answers 404 to every operation (not-found.ts) a 404 proves nothing.
 */
import { joinUrl } from '../../openapi/request.js';
import { undocumentedPath } from '../../openapi/path-templates.js';
import { isJsonObject } from '../../openapi/refs.js';
import { lintDeciding } from '../decided-rules.js';
import type { CheckKind } from '../types.js';
import { notFoundForWantOfBasePath } from './not-found.js';
import { transportFailure } from './outputs.js';
import { RULE } from './rules.js';
import { declaredDocument, send, targetUrl } from './shared.js';
import { refusalOutput, statusListSchema } from './statuses.js';

export type UndocumentedPathOptions = { accept?: number[] };

const DEFAULT_ACCEPT = [404, 410];

export const undocumentedPathKind: CheckKind<UndocumentedPathOptions> = {
  name: 'openapi.undocumented-path',
  description: 'A path the document does not define is answered with 404 (or another accepted status)',
  optionsSchema: {
    type: 'object',
    properties: { accept: { ...statusListSchema, default: DEFAULT_ACCEPT } },
    additionalProperties: false,
  },
  needs: ['endpoint', 'spec'],
  lint: lintDeciding([RULE.UNKNOWN_PATH]),
  async run(context, options) {
    const document = await declaredDocument(context);
    const path = undocumentedPath(Object.keys(isJsonObject(document.data.paths) ? document.data.paths : {}));
    const call = await send(context, { method: 'GET', url: joinUrl(targetUrl(context), path) });
    if ('failure' in call) return transportFailure(call.failure);
    const missing = await notFoundForWantOfBasePath(context, document, call.response);
    if (missing) return missing;
    const accept = options.accept ?? DEFAULT_ACCEPT;
    return refusalOutput(
      {
        request: `GET ${path}`,
        expected: `${accept.join(' or ')} for a path the document does not define (RFC 9110 §15.5.5)`,
        accepts: (status) => accept.includes(status),
        params: { path },
      },
      call.response,
    );
  },
};
