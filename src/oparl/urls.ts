/**
 * The URLs an OParl server gives out for its own API (OParl §2.3): the URLs konform fetched or
 * knew of from the crawl (objects, list pages, failures, what the budget cut off), the `id` of
 * every object, the `links` of every list page and the file URLs (§2.7). Links to hosts the
 * target does not allow are other systems' URLs and not counted; neither are web pages (`web`,
 * `website`, `license`, …), which may live anywhere.
 */
import { createAllowlist } from '../http/allowlist.js';
import { isJsonObject } from '../openapi/refs.js';
import type { OParlCrawl } from './crawl.js';

const FILE_URLS = ['accessUrl', 'downloadUrl'];

/** Each URL once, with the response it was first seen in (for evidence). */
export function serverUrls(crawl: OParlCrawl, allowedHosts: readonly string[]): Map<string, { exchange?: string }> {
  const urls = new Map<string, { exchange?: string }>();
  const add = (url: unknown, exchange?: string) => {
    if (typeof url === 'string' && !urls.has(url)) urls.set(url, exchange ? { exchange } : {});
  };
  const { record, occurrences } = crawl;
  add(record.entry);
  for (const fetched of crawl.fetched.values()) {
    add(fetched.url, fetched.exchange);
    add(fetched.finalUrl, fetched.exchange);
    const links = isJsonObject(fetched.json) && isJsonObject(fetched.json.links) ? fetched.json.links : {};
    for (const value of Object.entries(links).filter(([name]) => name !== 'web').map(([, value]) => value)) add(value, fetched.exchange);
  }
  for (const failure of record.failures) add(failure.url, failure.exchange);
  for (const cut of record.cutOff) add(cut.url);
  for (const occurrence of occurrences.all) {
    add(occurrence.object.id, occurrence.response.exchange);
    for (const name of FILE_URLS) add(occurrence.object[name], occurrence.response.exchange);
  }
  const allowlist = createAllowlist(allowedHosts);
  return new Map([...urls].filter(([url]) => URL.canParse(url) && allowlist.allows(new URL(url))));
}
