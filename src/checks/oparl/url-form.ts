/**
 * `oparl.url-form`: the URLs of the API name a host, not an IP address (OParl §2.3: "Es wird
 * empfohlen keine IP-Adressen in URLs zu benutzen"), and do not show the implementation, such
 * as a path segment "oparl.php/" (§2.3 Langlebigkeit). One finding per host or file extension,
 * naming an example URL and the number of URLs.
 */
import { isIP } from 'node:net';
import type { FindingCode } from '../../model/finding-codes.js';
import type { CheckOutput, Finding } from '../../model/types.js';
import { allUnreached, oparlCrawl } from '../../oparl/crawl.js';
import { casesOfEach, judgeCases } from '../../oparl/cases.js';
import { RULE, type Rule } from '../../oparl/rules.js';
import { serverUrls } from '../../oparl/urls.js';
import { lintDeciding } from '../decided-rules.js';
import type { CheckKind } from '../types.js';
import { optionsSchema, serverSubject, type OParlOptions } from './shared.js';

/** Path segments that name a server-side script. */
const IMPLEMENTATION = /\.(php\d?|aspx?|jsp|cgi|pl|py|cfm|dll)(?=\/|$)/i;

interface Pattern {
  rule: Rule;
  code: FindingCode;
  what: string;
  example: string;
  exchange?: string;
  count: number;
}

export const urlFormKind: CheckKind<OParlOptions> = {
  name: 'oparl.url-form',
  description: 'URLs name a host, not an IP address, and show no implementation',
  optionsSchema: optionsSchema(),
  needs: ['endpoint'],
  lint: lintDeciding([RULE.URL_NO_IP, RULE.URL_NO_IMPLEMENTATION]),
  subjects: serverSubject,
  async run(context, options, _subject, check): Promise<CheckOutput> {
    const crawl = await oparlCrawl(context, options);
    const urls = serverUrls(crawl, context.target.allowedHosts);
    const patterns = new Map<string, Pattern>();
    const note = (key: string, rule: Rule, code: FindingCode, what: string, url: string, exchange?: string) => {
      const pattern = patterns.get(key) ?? { rule, code, what, example: url, ...(exchange ? { exchange } : {}), count: 0 };
      pattern.count += 1;
      patterns.set(key, pattern);
    };
    for (const [url, { exchange }] of urls) {
      const { hostname, pathname } = new URL(url);
      if (isIP(hostname.replace(/^\[|\]$/g, ''))) note(`ip ${hostname}`, RULE.URL_NO_IP, 'ip-host', `the IP address ${hostname}`, url, exchange);
      const script = IMPLEMENTATION.exec(pathname)?.[0];
      if (script) note(`script ${script.toLowerCase()}`, RULE.URL_NO_IMPLEMENTATION, 'implementation-in-path', `a "${script}" path segment`, url, exchange);
    }
    const findings: Finding[] = [...patterns.values()].map(({ rule, code, what, example, exchange, count }) => ({
      code,
      message: `${count} URL(s) use ${what}, e.g. ${example}`,
      params: { count, example },
      rule,
      ...(exchange ? { exchange } : {}),
    }));
    return judgeCases(check, { findings, cases: casesOfEach(check.verifies, urls.size), cutOff: crawl.record.cutOff, unreached: allUnreached(crawl) }, options.maxFindings);
  },
};
