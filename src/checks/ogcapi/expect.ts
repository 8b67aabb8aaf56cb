/**
 * What the operation requirements of OGC API - Features Part 1 share: the server supports GET at
 * a path (404, 405 and 501 say it does not, RFC 9110 §15.5.5, §15.5.6, §15.6.2), a successful
 * execution answers 200 (e.g. /req/core/root-success A), and the content is based on the
 * schema of the resource (B). konform judges the JSON encoding; another one is undecided here.
 */
import { join } from 'node:path';
import { contentTypeOf } from '../../ogcapi/media-types.js';
import { BUILDING_BLOCKS, compileOgcSchemas, type OgcSchemaName, type OgcSchemas } from '../../ogcapi/schemas.js';
import type { CheckContext } from '../types.js';
import type { Fetched } from './fetch.js';
import type { Judgement } from './judgement.js';

const UNSUPPORTED = new Set([404, 405, 501]);

/** Judges `rule` (an `-op` requirement); false when the request failed or GET is not supported. */
export function expectSupported(judgement: Judgement, fetched: Fetched, rule: string): boolean {
  judgement.saw(fetched);
  if (fetched.failure) {
    judgement.unanswered(rule, fetched);
    return false;
  }
  const { status } = fetched.response;
  if (!UNSUPPORTED.has(status)) return true;
  judgement.violation({
    rule,
    code: 'get-not-supported',
    message: `GET ${fetched.url} answered ${status}: the server does not support GET there`,
    fetched,
    params: { status },
  });
  return false;
}

/** Judges the 200 and the JSON body a `-success` requirement asks for; the body when there is one. */
export function expectJson200(judgement: Judgement, fetched: Fetched, rule: string, what: string): unknown {
  judgement.saw(fetched);
  if (fetched.failure) {
    judgement.unanswered(rule, fetched);
    return undefined;
  }
  const { status } = fetched.response;
  if (status !== 200) {
    judgement.violation({ rule, code: 'status-not-200', message: `${what} answered ${status}, not 200`, fetched, params: { status } });
    return undefined;
  }
  if (fetched.jsonError !== undefined) {
    judgement.violation({ rule, code: 'body-not-json', message: `${what}: ${fetched.jsonError}`, fetched });
    return undefined;
  }
  if (fetched.json === undefined) {
    const type = contentTypeOf(fetched.response);
    judgement.undecided({
      rule,
      code: 'not-json',
      message: `${what} was asked for as JSON and answered ${type ?? 'without a Content-Type'}; konform judges the JSON encoding`,
      fetched,
      params: { contentType: type },
    });
    return undefined;
  }
  return fetched.json;
}

export function ogcSchemas(context: CheckContext): Promise<OgcSchemas> {
  return context.memo('ogcapi:schemas', async () =>
    compileOgcSchemas(join(context.standard.dir, BUILDING_BLOCKS), await context.artifact(BUILDING_BLOCKS)),
  );
}

/** Judges `value` (at `base` in the body) against a schema of the building blocks. */
export async function expectSchema(
  context: CheckContext,
  judgement: Judgement,
  name: OgcSchemaName,
  value: unknown,
  fetched: Fetched,
  rule: string,
  base = '',
): Promise<void> {
  for (const violation of (await ogcSchemas(context)).violations(name, value)) {
    judgement.violation({
      rule,
      code: 'schema-violation',
      message: `not valid against ${name}.yaml: ${base}${violation.message}`,
      fetched,
      pointer: base + violation.pointer,
      params: { schema: `${name}.yaml`, keyword: violation.keyword },
    });
  }
}
