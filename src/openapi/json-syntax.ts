/**
 * Parses a JSON text (RFC 8259) and, when it is not valid, says where: V8's messages do not
 * always carry the position, so a small scanner finds the offset of the first error. The
 * scanner keeps its own stack, so deeply nested input cannot overflow the call stack.
 */

export type JsonParseResult =
  | { ok: true; value: unknown }
  | { ok: false; message: string; offset: number; line: number; column: number };

export function parseJson(text: string): JsonParseResult {
  // RFC 8259 §8.1: a parser may ignore a byte order mark.
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(source) };
  } catch (error) {
    const offset = syntaxErrorOffset(source);
    const before = source.slice(0, offset).split('\n');
    return {
      ok: false,
      message: (error as Error).message,
      offset,
      line: before.length,
      column: (before.at(-1)?.length ?? 0) + 1,
    };
  }
}

const WHITESPACE = /[ \t\n\r]*/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const LITERAL = /true|false|null/y;

/** Offset of the first syntax error of a text JSON.parse rejected. */
function syntaxErrorOffset(text: string): number {
  let at = 0;
  const skip = (pattern: RegExp): boolean => {
    pattern.lastIndex = at;
    const found = pattern.exec(text);
    if (found) at += found[0].length;
    return found !== null && found[0].length > 0;
  };
  const memberName = (): boolean => {
    if (!skip(STRING)) return false;
    skip(WHITESPACE);
    if (text[at] !== ':') return false;
    at += 1;
    return true;
  };
  const closers: string[] = [];
  let expectValue = true;
  for (;;) {
    skip(WHITESPACE);
    if (expectValue) {
      const char = text[at];
      if (char === '{' || char === '[') {
        closers.push(char === '{' ? '}' : ']');
        at += 1;
        skip(WHITESPACE);
        if (text[at] === closers.at(-1)) {
          at += 1;
          closers.pop();
          expectValue = false;
          continue;
        }
        if (char === '{' && !memberName()) return at;
        continue;
      }
      if (!(skip(STRING) || skip(NUMBER) || skip(LITERAL))) return at;
      expectValue = false;
      continue;
    }
    const closer = closers.at(-1);
    if (closer === undefined) return at;
    if (text[at] === closer) {
      at += 1;
      closers.pop();
    } else if (text[at] === ',') {
      at += 1;
      skip(WHITESPACE);
      if (closer === '}' && !memberName()) return at;
      expectValue = true;
    } else {
      return at;
    }
  }
}
