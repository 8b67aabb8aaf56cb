/**
 * The form in which the crawler requests and compares URLs, so that each resource is fetched
 * once however its links spell it. The WHATWG URL parser already lower-cases scheme and host,
 * drops the default port and removes dot segments (RFC 3986 §6.2.2.1, §6.2.2.3, §6.2.3);
 * on top of that percent-encodings are upper-cased and unreserved characters decoded
 * (RFC 3986 §6.2.2.1, §6.2.2.2), and the fragment, which never reaches the server, is dropped.
 */

const PERCENT_ENCODED = /%([0-9a-fA-F]{2})/g;
/** RFC 3986 §2.3: ALPHA / DIGIT / "-" / "." / "_" / "~". */
const UNRESERVED = /[A-Za-z0-9\-._~]/;

function normalisePercentEncoding(text: string): string {
  return text.replace(PERCENT_ENCODED, (_, hex: string) => {
    const char = String.fromCharCode(parseInt(hex, 16));
    return UNRESERVED.test(char) ? char : `%${hex.toUpperCase()}`;
  });
}

function parse(link: string, base?: string): URL | undefined {
  try {
    return new URL(link, base);
  } catch {
    return undefined;
  }
}

/** The normalised absolute http(s) URL of `link`, resolved against `base`; undefined for anything else. */
export function normaliseUrl(link: string, base?: string): string | undefined {
  const url = parse(link, base);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return undefined;
  if (url.hash) url.hash = '';
  if (url.pathname.includes('%')) url.pathname = normalisePercentEncoding(url.pathname);
  if (url.search.includes('%')) url.search = normalisePercentEncoding(url.search);
  return url.href;
}
