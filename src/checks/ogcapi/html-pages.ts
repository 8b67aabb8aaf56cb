/**
 * The HTML pages of the sample resources with the JSON representation of the same resource, for
 * the checks of the html class: konform compares what the JSON says with what the page shows.
 */
import { FEATURES_ACCEPT, HTML, JSON_TYPE, hasMediaType } from '../../ogcapi/media-types.js';
import type { CheckContext } from '../types.js';
import { fetchOnce, type Fetched } from './fetch.js';
import type { Judgement } from './judgement.js';
import { sampleResources, type SampleResource } from './sample-resources.js';

export interface HtmlPage {
  resource: SampleResource;
  page: Fetched;
  json: Fetched;
  /** The page's text, when it is a 200 text/html answer. */
  source?: string;
}

export async function htmlPages(context: CheckContext): Promise<HtmlPage[]> {
  const pages: HtmlPage[] = [];
  for (const resource of await sampleResources(context)) {
    const page = await fetchOnce(context, resource.url, HTML);
    const json = await fetchOnce(context, resource.url, resource.features ? FEATURES_ACCEPT : JSON_TYPE);
    const isHtml = page.response?.status === 200 && hasMediaType(page.response, HTML);
    pages.push({ resource, page, json, ...(isHtml && page.response ? { source: page.response.body.toString('utf8') } : {}) });
  }
  return pages;
}

/** A URL without the format parameter `f` many servers select an encoding by, for comparing resources. */
export function withoutFormat(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.searchParams.delete('f');
    parsed.searchParams.sort();
    parsed.hash = '';
    return parsed.href;
  } catch {
    return url;
  }
}

/** Records `rule` as undecided when no resource answered in HTML; false then, true when some page can be judged. */
export function expectSomePage(judgement: Judgement, pages: readonly HtmlPage[], rule: string): boolean {
  if (pages.some((candidate) => candidate.source !== undefined)) return true;
  judgement.undecided({
    rule,
    code: 'no-html-page',
    message: 'no resource answered 200 text/html (see the check of the html media type)',
    fetched: pages[0]?.page,
  });
  return false;
}
