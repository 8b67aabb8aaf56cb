/**
 * When the crawl ended at its entry (a System of another OParl version: the suite of that
 * version judges it), the only result is the system-object check's failure; every other check
 * is `untested`, with the reason, rather than a list of failures that only repeat the version.
 */
import { oparlCrawl } from '../../oparl/crawl.js';
import type { CheckKind } from '../types.js';
import type { OParlOptions } from './shared.js';

export function untestedWhenStopped<Options extends OParlOptions>(kind: CheckKind<Options>): CheckKind<Options> {
  return {
    ...kind,
    async run(context, options, subject, check) {
      const { stopped } = (await oparlCrawl(context, options)).record;
      if (stopped === undefined) return kind.run(context, options, subject, check);
      return { outcome: 'untested', findings: [{ code: 'crawl-stopped', message: `not examined: ${stopped}`, params: { reason: stopped }, severity: 'info' }] };
    },
  };
}
