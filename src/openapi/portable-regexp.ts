/**
 * How konform compiles a JSON Schema `pattern` (ECMA-262, 2020-12 Validation §6.3.3), alike on
 * every Node.js it runs on:
 * - V8 12.5 and later (Node.js 24) compiles two ES2025 constructs that older V8 (Node.js 20
 *   and 22) rejects: pattern modifiers `(?i:…)` and a group name used twice in different
 *   alternatives. konform rejects both everywhere, so a document's verdict never depends on
 *   the Node.js that checked it (JSON Schema 2020-12 Core §6.4 asks for a portable subset).
 * - Ajv compiles patterns in Unicode mode (the `u` flag), which refuses identity escapes such
 *   as `\-` that ECMA-262 Annex B allows without it and that other OpenAPI tools accept. Such a
 *   pattern is compiled without the flag, and the caller is told so.
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

/** Told of a pattern that compiled only without the `u` flag, with the reason Unicode mode gave. */
export type OnRelaxed = (pattern: string, reason: string) => void;

/** The pattern as a RegExp; throws a SyntaxError for what not every supported Node.js compiles. */
export function compilePattern(pattern: string, flags: string, onRelaxed?: OnRelaxed): RegExp {
  const unportable = unportableSyntax(pattern);
  if (unportable !== undefined) {
    throw new SyntaxError(`Invalid regular expression: /${pattern}/${flags}: ${unportable}, which Node.js before 24 does not compile`);
  }
  try {
    return new RegExp(pattern, flags);
  } catch (unicodeError) {
    if (!flags.includes('u')) throw unicodeError;
    let relaxed: RegExp;
    try {
      relaxed = new RegExp(pattern, flags.replace('u', ''));
    } catch {
      throw unicodeError;
    }
    onRelaxed?.(pattern, (unicodeError as Error).message);
    return relaxed;
  }
}

/** compilePattern as Ajv's `code.regExp`, reporting relaxed patterns to `onRelaxed`. */
export function patternEngine(onRelaxed?: OnRelaxed): RegExpEngine {
  return Object.assign((pattern: string, flags: string) => compilePattern(pattern, flags, onRelaxed), { code: 'compilePattern' });
}
