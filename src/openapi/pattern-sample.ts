/**
 * A string matching a simple regular expression (ECMA-262 syntax, as JSON Schema `pattern`):
 * literals, escapes such as `\d`, character classes, `.` and the quantifiers `{n}`, `{n,m}`,
 * `?`, `*`, `+`. Groups, alternation and negated classes are beyond it: undefined then.
 */
import { compilePattern } from './portable-regexp.js';

const CLASS_ESCAPES: Record<string, string> = { d: '0', w: 'a', s: ' ' };

export function sampleForPattern(pattern: string): string | undefined {
  const body = pattern.replace(/^\^/, '').replace(/(?<!\\)\$$/, '');
  let out = '';
  let index = 0;
  while (index < body.length) {
    const atom = readAtom(body, index);
    if (!atom) return undefined;
    const quantifier = readQuantifier(body, atom.end);
    out += atom.sample.repeat(quantifier.min);
    index = quantifier.end;
  }
  return matches(pattern, out) ? out : undefined;
}

function readAtom(body: string, index: number): { sample: string; end: number } | undefined {
  const char = body[index] as string;
  if ('()|^$'.includes(char)) return undefined;
  if (char === '.') return { sample: 'a', end: index + 1 };
  if (char === '\\') {
    const escaped = body[index + 1];
    if (escaped === undefined || /[DWSbBc0-9ux]/.test(escaped)) return undefined;
    return { sample: CLASS_ESCAPES[escaped] ?? escaped, end: index + 2 };
  }
  if (char === '[') {
    const close = body.indexOf(']', index + 2);
    const first = body[index + 1];
    if (close < 0 || first === '^' || first === undefined) return undefined;
    if (first === '\\') return { sample: CLASS_ESCAPES[body[index + 2] ?? ''] ?? body[index + 2] ?? '', end: close + 1 };
    return { sample: first, end: close + 1 };
  }
  if ('*+?{'.includes(char)) return undefined;
  return { sample: char, end: index + 1 };
}

function readQuantifier(body: string, index: number): { min: number; end: number } {
  const char = body[index];
  if (char === '?' || char === '*') return { min: 0, end: index + 1 };
  if (char === '+') return { min: 1, end: index + 1 };
  const braces = /^\{(\d+)(,\d*)?\}/.exec(body.slice(index));
  if (braces) return { min: Number(braces[1]), end: index + braces[0].length };
  return { min: 1, end: index };
}

function matches(pattern: string, value: string): boolean {
  try {
    return compilePattern(pattern, 'u').test(value);
  } catch {
    return false;
  }
}
