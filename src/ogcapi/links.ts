/**
 * Links as OGC API - Features Part 1 writes them (link.yaml, after RFC 8288): objects with
 * `href`, `rel`, `type`, in a `links` array. Each link keeps its JSON pointer for findings.
 */
import { isJsonObject } from '../openapi/refs.js';

export interface Link {
  href: string;
  rel?: string;
  type?: string;
  title?: string;
  /** JSON pointer of the link object in the body it came from. */
  pointer: string;
}

const optionalString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The links in the `links` array of `owner` (at `pointer`); entries without an `href` string are skipped. */
export function linksOf(owner: unknown, pointer = ''): Link[] {
  if (!isJsonObject(owner) || !Array.isArray(owner.links)) return [];
  return owner.links.flatMap((entry, index) => {
    if (!isJsonObject(entry) || typeof entry.href !== 'string') return [];
    const link: Link = { href: entry.href, pointer: `${pointer}/links/${index}` };
    const rel = optionalString(entry.rel);
    const type = optionalString(entry.type);
    const title = optionalString(entry.title);
    return [{ ...link, ...(rel ? { rel } : {}), ...(type ? { type } : {}), ...(title ? { title } : {}) }];
  });
}

export function withRel(links: readonly Link[], ...rels: string[]): Link[] {
  return links.filter((link) => link.rel !== undefined && rels.includes(link.rel));
}

/** `href` resolved against the URL of the document it is in (RFC 3986 §5); undefined when it is no URL. */
export function absoluteUrl(href: string, documentUrl: string): string | undefined {
  try {
    return new URL(href, documentUrl).href;
  } catch {
    return undefined;
  }
}

export function linkUrl(link: Link, documentUrl: string): string | undefined {
  return absoluteUrl(link.href, documentUrl);
}

/** A URL without fragment and with its query parameters sorted, so that equal resources compare equal. */
export function sameResource(a: string, b: string): boolean {
  const normal = (url: string) => {
    try {
      const parsed = new URL(url);
      parsed.hash = '';
      parsed.searchParams.sort();
      return parsed.href;
    } catch {
      return url;
    }
  };
  return normal(a) === normal(b);
}
