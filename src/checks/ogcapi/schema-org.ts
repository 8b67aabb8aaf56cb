/**
 * `ogcapi.schema-org`: HTML pages carry Schema.org annotations (/rec/html/schema-org), as
 * microdata, RDFa or JSON-LD.
 */
import { htmlFacts } from '../../ogcapi/html.js';
import { expectSomePage, htmlPages } from './html-pages.js';
import { Judgement } from './judgement.js';
import { ogcKind } from './kind.js';

const RULE = '/rec/html/schema-org';

export const schemaOrgKind = ogcKind({
  name: 'ogcapi.schema-org',
  description: 'HTML pages carry Schema.org annotations',
  rules: [RULE],
  judge: async (context, options) => {
    const judgement = new Judgement();
    const pages = await htmlPages(context);
    if (!expectSomePage(judgement, pages, RULE)) return judgement.output();
    for (const { resource, page, source } of pages) {
      if (source === undefined || htmlFacts(source).schemaOrg) continue;
      judgement.violation({
        rule: RULE,
        code: 'schema-org-missing',
        message: `the HTML page of the ${resource.name} has no Schema.org annotations`,
        fetched: page,
      });
    }
    return judgement.output();
  },
});
