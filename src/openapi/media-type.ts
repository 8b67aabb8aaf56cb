/**
 * Media types (RFC 9110 §8.3.1) and ranges (§12.5.1): type and subtype are case-insensitive,
 * parameter names too; parameter values are compared case-insensitively for `charset` only.
 * A documented media type with parameters matches only when the response carries them.
 */

export interface MediaType {
  type: string;
  subtype: string;
  parameters: Map<string, string>;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9a-z-]+$/i;

export function parseMediaType(value: string): MediaType | undefined {
  const [essence = '', ...rawParameters] = value.split(';');
  const [type, subtype, extra] = essence.trim().toLowerCase().split('/');
  if (!type || !subtype || extra !== undefined || !TOKEN.test(type) || !TOKEN.test(subtype)) return undefined;
  const parameters = new Map<string, string>();
  for (const raw of rawParameters) {
    const index = raw.indexOf('=');
    if (index < 0) continue;
    const name = raw.slice(0, index).trim().toLowerCase();
    const quoted = raw.slice(index + 1).trim();
    const unquoted = quoted.startsWith('"') && quoted.endsWith('"') ? quoted.slice(1, -1) : quoted;
    parameters.set(name, name === 'charset' ? unquoted.toLowerCase() : unquoted);
  }
  return { type, subtype, parameters };
}

/** Whether `actual` is covered by the documented media type or range. */
export function mediaTypeMatches(documented: MediaType, actual: MediaType): boolean {
  if (documented.type !== '*' && documented.type !== actual.type) return false;
  if (documented.subtype !== '*' && documented.subtype !== actual.subtype) return false;
  return [...documented.parameters].every(([name, value]) => actual.parameters.get(name) === value);
}

/** Higher is more specific: exact with parameters, exact, a subtype range, the full range (RFC 9110 §12.5.1). */
function specificity(mediaType: MediaType): number {
  if (mediaType.type === '*') return 0;
  if (mediaType.subtype === '*') return 1;
  return 2 + mediaType.parameters.size;
}

/** Of documented media types, the most specific that covers `actual`. */
export function selectMediaType<T extends { mediaType: string }>(documented: readonly T[], actual: MediaType): T | undefined {
  let best: { item: T; rank: number } | undefined;
  for (const item of documented) {
    const parsed = parseMediaType(item.mediaType);
    if (!parsed || !mediaTypeMatches(parsed, actual)) continue;
    const rank = specificity(parsed);
    if (!best || rank > best.rank) best = { item, rank };
  }
  return best?.item;
}

/** JSON: `application/json` (RFC 8259 §11) and every `+json` structured syntax suffix (RFC 6839 §3.1). */
export function isJsonMediaType(mediaType: MediaType): boolean {
  return (mediaType.type === 'application' && mediaType.subtype === 'json') || mediaType.subtype.endsWith('+json');
}
