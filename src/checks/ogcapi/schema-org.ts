/**
 * `ogcapi.schema-org`: HTML pages carry Schema.org annotations (/rec/html/schema-org), as
 * microdata, RDFa or JSON-LD.
 */
import { htmlFacts } from '../../ogcapi/html.js';
import type { CheckKind } from '../types.js';
import { gated } from './frame.js';
import { htmlPages } from './html-pages.js';
import { Judgement } from './judgement.js';
import { OGC_OPTIONS_SCHEMA, type OgcOptions } from './options.js';

export const schemaOrgKind: CheckKind<OgcOptions> = {
  name: 'ogcapi.schema-org',
  description: 'HTML pages carry Schema.org annotations',
  optionsSchema: OGC_OPTIONS_SCHEMA,
  needs: ['endpoint'],
  run: (context, options) =>
    gated(context, options, async () => {
      const judgement = new Judgement();
      const pages = await htmlPages(context);
      if (!pages.some((candidate) => candidate.source !== undefined)) {
        return judgement
          .undecided({
            rule: '/rec/html/schema-org',
            code: 'no-html-page',
            message: 'no resource answered 200 text/html (see the check of the html media type)',
            fetched: pages[0]?.page,
          })
          .output();
      }
      for (const { resource, page, source } of pages) {
        if (source === undefined || htmlFacts(source).schemaOrg) continue;
        judgement.violation({
          rule: '/rec/html/schema-org',
          code: 'schema-org-missing',
          message: `the HTML page of the ${resource.name} has no Schema.org annotations`,
          fetched: page,
        });
      }
      return judgement.output();
    }),
};
