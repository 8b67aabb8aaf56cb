/**
 * Finds the regular expression that makes a schema fail to compile. JSON Schema patterns are
 * ECMA-262 regular expressions (2020-12 Validation §6.3.3); Ajv compiles them with the `u` flag,
 * as portable-regexp.ts allows.
 * The search stays within the schema's own tree: referenced schemas are compiled as roots too.
 */
import { childPointer } from '../core/json-pointer.js';
import { compilePattern } from './portable-regexp.js';

export function invalidPatternPointer(schema: unknown, pointer: string): string | undefined {
  if (schema === null || typeof schema !== 'object') return undefined;
  for (const [key, value] of Object.entries(schema)) {
    const at = childPointer(pointer, key);
    if (key === 'pattern' && typeof value === 'string' && !compiles(value)) return at;
    if (key === 'patternProperties' && value !== null && typeof value === 'object') {
      const bad = Object.keys(value).find((name) => !compiles(name));
      if (bad !== undefined) return childPointer(at, bad);
    }
    const nested = invalidPatternPointer(value, at);
    if (nested !== undefined) return nested;
  }
  return undefined;
}

function compiles(pattern: string): boolean {
  try {
    compilePattern(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}
