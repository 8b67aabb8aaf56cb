/**
 * `oparl.json-response`: every answer of the API is JSON (OParl §2.4, RFC 7159), served with a
 * JSON media type (application/json or a +json type, RFC 6839), in UTF-8 without a byte order
 * mark (§2.4, RFC 7159 §8.1): a `charset` parameter, where given, says utf-8. The crawl checks
 * the bytes of every answer as it arrives (src/crawl/fetch.ts).
 */
import type { CheckOutput, Finding } from '../../model/types.js';
import type { Fetched } from '../../crawl/types.js';
import { isJsonMediaType, parseMediaType } from '../../openapi/media-type.js';
import { allUnreached, oparlCrawl } from '../../oparl/crawl.js';
import { responseFinding } from '../../oparl/findings.js';
import { casesOfEach, judgeCases } from '../../oparl/cases.js';
import { RULE } from '../../oparl/rules.js';
import { lintDeciding } from '../decided-rules.js';
import type { CheckKind } from '../types.js';
import { optionsSchema, serverSubject, type OParlOptions } from './shared.js';

function mediaTypeFindings(fetched: Fetched): Finding[] {
  const mediaType = fetched.contentType === undefined ? undefined : parseMediaType(fetched.contentType);
  const findings: Finding[] = [];
  if (!mediaType || !isJsonMediaType(mediaType)) {
    findings.push(responseFinding(fetched, RULE.JSON_OUTPUT, 'not-json-media-type', `served as ${fetched.contentType ?? '(no Content-Type)'}, not as JSON`, { params: { contentType: fetched.contentType } }));
  }
  const charset = mediaType?.parameters.get('charset');
  if (charset !== undefined && charset !== 'utf-8') {
    findings.push(responseFinding(fetched, RULE.JSON_UTF8, 'charset-not-utf8', `served with charset=${charset}, not utf-8`, { params: { charset } }));
  }
  if (fetched.invalidJson) {
    const { message, line, column } = fetched.invalidJson;
    findings.push(responseFinding(fetched, RULE.JSON_OUTPUT, 'invalid-json', `the body is not JSON (line ${line}, column ${column}): ${message}`, { params: { line, column } }));
  }
  return findings;
}

function encodingFindings(fetched: Fetched): Finding[] {
  if (fetched.encoding === 'byteOrderMark') return [responseFinding(fetched, RULE.JSON_UTF8, 'byte-order-mark', 'the body starts with a byte order mark')];
  if (fetched.encoding === 'notUtf8') return [responseFinding(fetched, RULE.JSON_UTF8, 'invalid-utf8', 'the body is not valid UTF-8')];
  return [];
}

export const jsonResponseKind: CheckKind<OParlOptions> = {
  name: 'oparl.json-response',
  description: 'Every answer is UTF-8 JSON without byte order mark, served as JSON',
  optionsSchema: optionsSchema(),
  needs: ['endpoint'],
  lint: lintDeciding([RULE.JSON_OUTPUT, RULE.JSON_UTF8]),
  subjects: serverSubject,
  async run(context, options, _subject, check): Promise<CheckOutput> {
    const crawl = await oparlCrawl(context, options);
    const responses = [...crawl.fetched.values()];
    const findings = responses.flatMap((fetched) => [...mediaTypeFindings(fetched), ...encodingFindings(fetched)]);
    return judgeCases(check, { findings, cases: casesOfEach(check.verifies, responses.length), cutOff: crawl.record.cutOff, unreached: allUnreached(crawl), nothing: 'the crawl fetched nothing' }, options.maxFindings);
  },
};
