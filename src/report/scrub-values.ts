/**
 * Applies a text scrubber (the secret redactor) to every string inside a JSON value, keys
 * included. Output formats escape characters (`|` in Markdown, `&` in XML, `"` in JSON), so a
 * secret is scrubbed in its raw form before rendering as well as in the rendered text after.
 */
export type Scrub = (text: string) => string;

export function scrubValues<T>(value: T, scrub: Scrub): T {
  return scrubAny(value, scrub) as T;
}

function scrubAny(value: unknown, scrub: Scrub): unknown {
  if (typeof value === 'string') return scrub(value);
  if (Array.isArray(value)) return value.map((item) => scrubAny(item, scrub));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [scrub(key), scrubAny(item, scrub)]));
  }
  return value;
}
