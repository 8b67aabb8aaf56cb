/**
 * `oparl.error-response`: error handling (OParl §2.9). A URL for an object that does not exist
 * — a made-up name below the entry URL's folder — is answered with the fitting status, 404 or
 * 410, and (1.1) with an error object: `type` https://schema.oparl.org/<version>/Error and a
 * `message`. An error object never comes with a success status: neither in the crawl nor here.
 */
import type { CheckOutput, Finding } from '../../model/types.js';
import { HttpFailure } from '../../http/types.js';
import { parseJson } from '../../openapi/json-syntax.js';
import { isJsonObject } from '../../openapi/refs.js';
import { allUnreached, oparlCrawl } from '../../oparl/crawl.js';
import { responseFinding, unansweredFinding } from '../../oparl/findings.js';
import { casesOfEach, judgeCases } from '../../oparl/cases.js';
import { RULE } from '../../oparl/rules.js';
import { lintDeciding } from '../decided-rules.js';
import type { CheckKind } from '../types.js';
import { optionsSchema, serverSubject, type OParlOptions } from './shared.js';

const UNKNOWN_NAME = 'konform-no-such-object';

export const errorResponseKind: CheckKind<OParlOptions> = {
  name: 'oparl.error-response',
  description: 'Unknown URLs are answered with 404 and an OParl error object; error objects come with an error status',
  optionsSchema: optionsSchema(),
  needs: ['endpoint'],
  waitsOnRequests: true,
  lint: lintDeciding([RULE.ERR_STATUS, RULE.ERR_OBJECT, RULE.ERR_OBJECT_STATUS]),
  subjects: serverSubject,
  async run(context, options, _subject, check): Promise<CheckOutput> {
    const crawl = await oparlCrawl(context, options);
    const errorType = `${crawl.model.namespace}Error`;
    const isError = (json: unknown) => isJsonObject(json) && json.type === errorType;
    const errorObjects = [...crawl.fetched.values()].filter((fetched) => isError(fetched.json));
    const findings: Finding[] = errorObjects.map((fetched) => responseFinding(fetched, RULE.ERR_OBJECT_STATUS, 'error-object-success', `an error object is served with the status ${fetched.status}`));
    const url = new URL(UNKNOWN_NAME, crawl.record.entry).href;
    // The probe is a case of the status and the error object; each error object met, of its status.
    const cases = { ...casesOfEach(check.verifies, 1), [RULE.ERR_OBJECT_STATUS]: errorObjects.length };
    try {
      const response = await context.http.send({ method: 'GET', url });
      const where = { url, exchange: response.exchangeId };
      const parsed = parseJson(response.body.toString('utf8'));
      const body = parsed.ok ? parsed.value : undefined;
      if (response.status !== 404 && response.status !== 410) {
        findings.push(responseFinding(where, RULE.ERR_STATUS, 'unknown-url-status', `a URL of no object is answered ${response.status}, not 404`, { params: { status: response.status } }));
      }
      if (isError(body)) cases[RULE.ERR_OBJECT_STATUS] += 1;
      if (!isError(body) || typeof (body as Record<string, unknown>).message !== 'string') {
        findings.push(responseFinding(where, RULE.ERR_OBJECT, 'error-object-missing', `the answer to a URL of no object is no error object with type ${errorType} and a message`));
      } else if (response.status < 400) {
        findings.push(responseFinding(where, RULE.ERR_OBJECT_STATUS, 'error-object-success', `an error object is served with the status ${response.status}`));
      }
    } catch (error) {
      if (!(error instanceof HttpFailure)) throw error;
      findings.push(unansweredFinding(error, RULE.ERR_STATUS));
    }
    return judgeCases(check, { findings, cases, cutOff: crawl.record.cutOff, unreached: allUnreached(crawl) }, options.maxFindings);
  },
};
