/**
 * `oparl.cors`: every answer with JSON carries `Access-Control-Allow-Origin: *` (OParl §2.6,
 * W3C CORS); `Access-Control-Allow-Methods` is not set, or names GET (§2.6).
 */
import type { CheckOutput, Finding } from '../../model/types.js';
import type { Fetched } from '../../crawl/types.js';
import { allUnreached, oparlCrawl } from '../../oparl/crawl.js';
import { responseFinding } from '../../oparl/findings.js';
import { casesOfEach, judgeCases } from '../../oparl/cases.js';
import { RULE } from '../../oparl/rules.js';
import { lintDeciding } from '../decided-rules.js';
import type { CheckKind } from '../types.js';
import { optionsSchema, serverSubject, type OParlOptions } from './shared.js';

const header = (fetched: Fetched, name: string): string | undefined => {
  const value = fetched.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
};

function corsFindings(fetched: Fetched): Finding[] {
  const findings: Finding[] = [];
  const origin = header(fetched, 'access-control-allow-origin');
  if (origin?.trim() !== '*') {
    const given = origin === undefined ? 'no Access-Control-Allow-Origin header' : `Access-Control-Allow-Origin: ${origin}`;
    findings.push(responseFinding(fetched, RULE.CORS_ALLOW_ORIGIN, 'cors-origin', `the answer carries ${given}, not "*"`, { params: { value: origin ?? null } }));
  }
  const methods = header(fetched, 'access-control-allow-methods');
  if (methods !== undefined) {
    findings.push(responseFinding(fetched, RULE.CORS_NO_ALLOW_METHODS, 'cors-methods-set', `the answer sets Access-Control-Allow-Methods: ${methods}`, { params: { value: methods } }));
    const names = methods.split(',').map((method) => method.trim().toUpperCase());
    if (!names.includes('GET') && !names.includes('*')) {
      findings.push(responseFinding(fetched, RULE.CORS_ALLOW_METHODS_GET, 'cors-methods-without-get', `Access-Control-Allow-Methods: ${methods} does not allow GET`, { params: { value: methods } }));
    }
  }
  return findings;
}

export const corsKind: CheckKind<OParlOptions> = {
  name: 'oparl.cors',
  description: 'Every JSON answer allows every origin (CORS) and, if it names methods, GET',
  optionsSchema: optionsSchema(),
  needs: ['endpoint'],
  lint: lintDeciding([RULE.CORS_ALLOW_ORIGIN, RULE.CORS_NO_ALLOW_METHODS, RULE.CORS_ALLOW_METHODS_GET]),
  subjects: serverSubject,
  async run(context, options, _subject, check): Promise<CheckOutput> {
    const crawl = await oparlCrawl(context, options);
    const responses = [...crawl.fetched.values()].filter((fetched) => fetched.json !== undefined);
    // Which methods the header allows is a case only where it names methods.
    const naming = responses.filter((fetched) => header(fetched, 'access-control-allow-methods') !== undefined).length;
    const cases = { ...casesOfEach(check.verifies, responses.length), [RULE.CORS_ALLOW_METHODS_GET]: naming };
    return judgeCases(check, { findings: responses.flatMap(corsFindings), cases, cutOff: crawl.record.cutOff, unreached: allUnreached(crawl), nothing: 'the crawl fetched no JSON' }, options.maxFindings);
  },
};
