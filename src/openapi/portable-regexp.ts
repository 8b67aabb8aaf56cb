/**
 * JSON Schema patterns compiled alike on every Node.js konform runs on. V8 12.5 and later
 * (Node.js 24) compiles two ES2025 constructs that older V8 (Node.js 20 and 22) rejects: pattern
 * modifiers `(?i:…)` and a group name used twice in different alternatives. konform rejects both
 * everywhere, so a document's verdict never depends on the Node.js that checked it; JSON Schema
 * 2020-12 Core §6.4 asks schema authors for a portable subset of ECMA-262 in the first place.
 */
import type { RegExpEngine } from 'ajv/dist/types/index.js';

/** Why `pattern` is not portable, or undefined. Escapes and character classes are skipped. */
export function unportableSyntax(pattern: string): string | undefined {
  const names = new Set<string>();
  let inClass = false;
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index];
    if (char === '\\') {
      index++;
    } else if (inClass) {
      inClass = char !== ']';
    } else if (char === '[') {
      inClass = true;
    } else if (char === '(' && pattern[index + 1] === '?') {
      const rest = pattern.slice(index + 2);
      const modifiers = /^[ims]*(?:-[ims]*)?:/.exec(rest)?.[0];
      if (modifiers !== undefined && modifiers !== ':') return `pattern modifiers (?${modifiers}…) (ES2025)`;
      const name = /^<([^=!>][^>]*)>/.exec(rest)?.[1];
      if (name !== undefined) {
        if (names.has(name)) return `the group name ${name} used twice (ES2025)`;
        names.add(name);
      }
    }
  }
  return undefined;
}

/** `new RegExp`, refusing what not every supported Node.js compiles; Ajv's `code.regExp`. */
export const portableRegExp: RegExpEngine = Object.assign(
  (pattern: string, flags: string): RegExp => {
    const unportable = unportableSyntax(pattern);
    if (unportable !== undefined) {
      throw new SyntaxError(`Invalid regular expression: /${pattern}/${flags}: ${unportable}, which Node.js before 24 does not compile`);
    }
    return new RegExp(pattern, flags);
  },
  { code: 'portableRegExp' },
);
