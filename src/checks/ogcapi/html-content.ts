/**
 * `ogcapi.html-content`: every HTML page is an HTML 5 document whose body shows the information
 * and the links of the resource (/req/html/content). konform holds each page of the sample
 * resources to the JSON representation of the same resource: its `title` appears in the text, and
 * every link other than `self` and `alternate` (which the page is, or is reached from) appears as
 * an `<a>` to the same resource, whatever the format parameter `f` of the URL.
 */
import { htmlFacts } from '../../ogcapi/html.js';
import { absoluteUrl, linksOf, linkUrl } from '../../ogcapi/links.js';
import { isJsonObject } from '../../openapi/refs.js';
import { expectSomePage, htmlPages, withoutFormat } from './html-pages.js';
import { Judgement } from './judgement.js';
import { ogcKind } from './kind.js';

const RULE = '/req/html/content';
const OWN_RELS = new Set(['self', 'alternate']);

export const htmlContentKind = ogcKind({
  name: 'ogcapi.html-content',
  description: 'HTML pages are HTML 5 documents showing the title and the links of the resource',
  rules: [RULE],
  judge: async (context, options) => {
    const judgement = new Judgement();
    const pages = await htmlPages(context);
    if (!expectSomePage(judgement, pages, RULE)) return judgement.output();
    for (const { resource, page, json, source } of pages) {
      if (source === undefined) continue;
      const facts = htmlFacts(source);
      const at = `the HTML page of the ${resource.name}`;
      if (!facts.html5 || !facts.hasBody) {
        judgement.violation({
          rule: RULE,
          code: 'not-html5',
          message: `${at} is not an HTML 5 document with a body (${!facts.html5 ? 'no <!DOCTYPE html>' : 'no <body>'})`,
          fetched: page,
        });
        continue;
      }
      judgement.saw(page, json);
      const title = isJsonObject(json.json) ? json.json.title : undefined;
      if (typeof title === 'string' && title.trim() !== '' && !facts.text.includes(title.trim())) {
        judgement.violation({
          rule: RULE,
          code: 'information-missing',
          message: `${at} does not show the title "${title}"`,
          fetched: page,
          params: { title },
        });
      }
      const anchors = new Set(facts.anchors.map((href) => withoutFormat(absoluteUrl(href, page.url) ?? href)));
      const missing = linksOf(json.json).filter(
        (link) => !OWN_RELS.has(link.rel ?? '') && !anchors.has(withoutFormat(linkUrl(link, json.url) ?? link.href)),
      );
      for (const link of missing) {
        judgement.violation({
          rule: RULE,
          code: 'link-not-shown',
          message: `${at} has no <a> to ${link.href} (rel ${link.rel ?? 'none'})`,
          fetched: page,
          params: { href: link.href, rel: link.rel },
        });
      }
    }
    return judgement.output();
  },
});
