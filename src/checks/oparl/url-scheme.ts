/**
 * `oparl.url-scheme`: the URLs the server gives for its API (urls.ts) all use one scheme
 * (OParl §2.3 "HTTP und HTTPS": the operator decides for HTTP or HTTPS, "zwingend") — the
 * entry URL's, or the one the `scheme` option demands: `https`, as §2.3 recommends and as a
 * production deployment needs. No request is redirected from HTTPS to HTTP (§2.3: "nicht
 * empfohlen").
 */
import type { CheckOutput, Finding } from '../../model/types.js';
import { allUnreached, oparlCrawl } from '../../oparl/crawl.js';
import { responseFinding } from '../../oparl/findings.js';
import { casesOfEach, judgeCases } from '../../oparl/cases.js';
import { RULE } from '../../oparl/rules.js';
import { serverUrls } from '../../oparl/urls.js';
import { lintDeciding } from '../decided-rules.js';
import type { CheckKind } from '../types.js';
import { optionsSchema, serverSubject, type OParlOptions } from './shared.js';

export type UrlSchemeOptions = OParlOptions & { scheme?: 'http' | 'https' };

/** HTTPS where the check demands it, else one scheme for all URLs. */
const schemeRule = (options: UrlSchemeOptions) => (options.scheme === 'https' ? RULE.URL_HTTPS : RULE.URL_ONE_SCHEME);

export const urlSchemeKind: CheckKind<UrlSchemeOptions> = {
  name: 'oparl.url-scheme',
  description: 'All URLs of the API use one scheme (HTTPS where demanded), without redirects from HTTPS to HTTP',
  optionsSchema: optionsSchema({ scheme: { enum: ['http', 'https'] } }),
  needs: ['endpoint'],
  lint: lintDeciding((options) => [schemeRule(options), RULE.URL_NO_DOWNGRADE]),
  subjects: serverSubject,
  async run(context, options, _subject, check): Promise<CheckOutput> {
    const crawl = await oparlCrawl(context, options);
    const wanted = `${options.scheme ?? new URL(crawl.record.entry).protocol.slice(0, -1)}:`;
    const rule = schemeRule(options);
    const urls = serverUrls(crawl, context.target.allowedHosts);
    const findings: Finding[] = [];
    for (const [url, { exchange }] of urls) {
      const scheme = new URL(url).protocol;
      if (scheme === wanted) continue;
      findings.push({
        code: 'url-scheme',
        message: `${url} uses ${scheme.slice(0, -1)}, not ${wanted.slice(0, -1)}`,
        params: { url, scheme: scheme.slice(0, -1), wanted: wanted.slice(0, -1) },
        rule,
        ...(exchange ? { exchange } : {}),
      });
    }
    for (const fetched of crawl.fetched.values()) {
      if (fetched.url.startsWith('https:') && fetched.finalUrl?.startsWith('http:')) {
        findings.push(responseFinding(fetched, RULE.URL_NO_DOWNGRADE, 'https-downgrade', `the request was redirected from HTTPS to ${fetched.finalUrl}`));
      }
    }
    return judgeCases(check, { findings, cases: casesOfEach(check.verifies, urls.size), cutOff: crawl.record.cutOff, unreached: allUnreached(crawl) }, options.maxFindings);
  },
};
