/**
 * Reads the declared document, YAML or JSON, keeping the node ranges so that later errors can
 * name a line and column (core/yaml-source.ts); every syntax error is reported. Aliases are
 * capped (the yaml package's default of 100) against alias bombs. A JSON text (RFC 8259) is
 * read by JSON.parse, many times faster than a YAML parser reads it, and its node ranges only
 * when an error or a warning asks where a pointer is written; one that JSON.parse refuses, or
 * that repeats a key in an object (which JSON.parse lets pass, the last one winning), is read
 * as YAML, which names each problem.
 */
import { readFile } from 'node:fs/promises';
import type { Locate } from '../core/yaml-locator.js';
import { parseYaml } from '../core/yaml-source.js';
import { isJsonObject } from './refs.js';
import { InvalidDocumentError, specErrorFactory, specMissing, type DocumentProblem, type SpecErrorFactory } from './spec-error.js';
import type { JsonObject } from './types.js';

export interface ParsedSource {
  data: JsonObject;
  /** A copy of `data` of its own: of a JSON text read again, many times faster than a deep clone of it. */
  copy(): JsonObject;
  /** Where a JSON pointer into this source is written. */
  locate: Locate;
  /** Makes SPEC_INVALID errors located by JSON pointer in this source. */
  specError: SpecErrorFactory;
}

/** What `read` gives for the declared document (its bytes by default); SPEC_MISSING when it cannot be read. */
export async function readSource<T = Buffer>(file: string, read: (file: string) => Promise<T> = readFile as (file: string) => Promise<T>): Promise<T> {
  try {
    return await read(file);
  } catch (error) {
    throw specMissing(file, error);
  }
}

export function parseSource(file: string, text: string): ParsedSource {
  const json = jsonDocument(text);
  if (json) {
    let located: Locate | undefined;
    const locate: Locate = (pointer) => (located ??= parseYaml(file, text).locate)(pointer);
    return { data: json, copy: () => JSON.parse(text) as JsonObject, locate, specError: specErrorFactory(locate) };
  }
  const { document, locate, syntaxErrors } = parseYaml(file, text);
  const specError = specErrorFactory(locate);
  const [first, ...others] = syntaxErrors.map(
    ({ message, location }): DocumentProblem => ({ aspect: 'document', message: `not valid YAML or JSON: ${message}`, location }),
  );
  if (first) throw new InvalidDocumentError([first, ...others]);
  let data: unknown;
  try {
    data = document.toJS();
  } catch (error) {
    throw specError(`cannot be read as data: ${(error as Error).message}`, '', error);
  }
  if (!isJsonObject(data)) throw specError('the document is not an object', '');
  const object = data;
  return { data, copy: () => structuredClone(object), locate, specError };
}

/** The object a JSON text holds, where it is one and repeats no key in an object; undefined otherwise. */
export function jsonDocument(text: string): JsonObject | undefined {
  if (!/^\s*\{/.test(text)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  return isJsonObject(data) && keysOf(data) === keysWritten(text) ? data : undefined;
}

/** The members of every object in a value. */
function keysOf(value: unknown): number {
  let keys = 0;
  const pending: unknown[] = [value];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next !== 'object' || next === null) continue;
    if (Array.isArray(next)) {
      for (const item of next) pending.push(item);
      continue;
    }
    // for…in rather than Object.values: no array per object of a document of megabytes.
    for (const key in next) {
      keys += 1;
      pending.push((next as Record<string, unknown>)[key]);
    }
  }
  return keys;
}

/** The member names written in a JSON text: its strings followed by a colon (every `"` outside a string opens one). */
function keysWritten(text: string): number {
  let keys = 0;
  for (const match of text.matchAll(/"(?:[^"\\]|\\.)*"(\s*:)?/g)) if (match[1] !== undefined) keys += 1;
  return keys;
}
