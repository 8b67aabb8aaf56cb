/**
 * JSON Pointer (RFC 6901): "~" is written "~0" and "/" is written "~1" in a reference token.
 */

export function escapeToken(token: string | number): string {
  const text = String(token);
  return text.includes('~') || text.includes('/') ? text.replaceAll('~', '~0').replaceAll('/', '~1') : text;
}

function unescapeToken(token: string): string {
  return token.includes('~') ? token.replace(/~1/g, '/').replace(/~0/g, '~') : token;
}

/** The pointer of a child of `pointer`, e.g. `childPointer('/paths', '/a')` is `/paths/~1a`. */
export function childPointer(pointer: string, ...tokens: Array<string | number>): string {
  return pointer + tokens.map((token) => '/' + escapeToken(token)).join('');
}

/** The unescaped reference tokens of a pointer; `''` (the whole document) has none. */
export function pointerTokens(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map(unescapeToken);
}

/** The pointer of the parent and the last token; undefined for the whole document. */
export function splitPointer(pointer: string): { parent: string; token: string } | undefined {
  const index = pointer.lastIndexOf('/');
  if (index < 0) return undefined;
  return { parent: pointer.slice(0, index), token: unescapeToken(pointer.slice(index + 1)) };
}

/** The value a pointer refers to, or undefined when there is none. */
export function valueAt(root: unknown, pointer: string): unknown {
  let current: unknown = root;
  for (const token of pointerTokens(pointer)) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.hasOwn(current, token)) return undefined;
    current = (current as Record<string, unknown>)[token];
  }
  return current;
}

/** A JSON pointer as URI fragment (RFC 6901 §6), without the `#`: each token percent-encoded. */
export function uriFragment(pointer: string): string {
  return pointerTokens(pointer)
    .map((token) => '/' + encodeURIComponent(escapeToken(token)))
    .join('');
}

/** The pointer in a URI fragment (`#/components/schemas/A%20B`), or undefined when it is none. */
export function fragmentPointer(ref: string): string | undefined {
  if (ref === '#') return '';
  if (!ref.startsWith('#/')) return undefined;
  try {
    return decodeURIComponent(ref.slice(1));
  } catch {
    return undefined;
  }
}
