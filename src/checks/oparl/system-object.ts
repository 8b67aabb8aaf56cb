/**
 * `oparl.system-object`: the entry URL serves the oparl:System object of the standard's OParl
 * version (OParl §2.10 Endpunkt; System: "für jede Version eine eigene OParl-Schnittstelle mit
 * einem eigenen System-Objekt"): a JSON object whose `type` is the version's System type and
 * whose `oparlVersion` is the version's namespace URL. An endpoint of another version is told
 * which suite fits it. A misspelt `type` is the type-uri check's; another OParl type here is not
 * a System.
 */
import type { FindingCode } from '../../model/finding-codes.js';
import type { CheckOutput, Finding } from '../../model/types.js';
import { isJsonObject } from '../../openapi/refs.js';
import { oparlCrawl } from '../../oparl/crawl.js';
import { typeOfUri } from '../../oparl/model.js';
import { responseFinding, unansweredFinding } from '../../oparl/findings.js';
import { casesOfEach, judgeCases } from '../../oparl/cases.js';
import { RULE } from '../../oparl/rules.js';
import { lintDeciding } from '../decided-rules.js';
import type { CheckKind } from '../types.js';
import { optionsSchema, serverSubject, type OParlOptions } from './shared.js';

const VERSION = /^https:\/\/schema\.oparl\.org\/(\d+\.\d+)\/$/;

export const systemObjectKind: CheckKind<OParlOptions> = {
  name: 'oparl.system-object',
  description: "The entry URL serves the oparl:System object of the standard's version",
  optionsSchema: optionsSchema(),
  needs: ['endpoint'],
  lint: lintDeciding([RULE.SYS_ENDPOINT]),
  subjects: serverSubject,
  async run(context, options, _subject, check): Promise<CheckOutput> {
    const crawl = await oparlCrawl(context, options);
    const { entry, failures } = crawl.record;
    const { namespace, version } = crawl.model;
    const failure = failures.find((candidate) => candidate.url === entry);
    if (failure) {
      const finding: Finding =
        failure.status === undefined
          ? unansweredFinding(failure, RULE.SYS_ENDPOINT)
          : { code: 'entry-status', message: `${entry}: ${failure.message}`, params: { url: entry, status: failure.status }, rule: RULE.SYS_ENDPOINT, exchange: failure.exchange };
      return judgeCases(check, { findings: [finding], cases: casesOfEach(check.verifies, 1) });
    }
    const fetched = crawl.fetched.get(entry);
    if (!fetched) return judgeCases(check, { findings: [], cases: {}, cutOff: crawl.record.cutOff });
    const system = fetched.json;
    const problem = (code: FindingCode, message: string, pointer?: string) => [responseFinding(fetched, RULE.SYS_ENDPOINT, code, message, pointer ? { pointer } : {})];
    const findings: Finding[] = !isJsonObject(system)
      ? problem('entry-not-object', 'the entry URL does not answer with a JSON object')
      : Array.isArray(system.data) || (typeOfUri(crawl.model, system.type)?.name ?? 'System') !== 'System'
        ? problem('entry-not-system', `the entry URL serves ${Array.isArray(system.data) ? 'an object list' : `an object of type ${JSON.stringify(system.type)}`}, not an oparl:System`, '/type')
        : system.oparlVersion !== namespace
          ? problem(
              'entry-other-version',
              `the System says oparlVersion ${JSON.stringify(system.oparlVersion)}, not ${namespace}` +
                (VERSION.exec(String(system.oparlVersion)) ? ` — run the suite oparl-${VERSION.exec(String(system.oparlVersion))?.[1]}` : ''),
              '/oparlVersion',
            )
          : [];
    return judgeCases(check, { findings, cases: casesOfEach(check.verifies, 1), nothing: `no OParl ${version} System` });
  },
};
