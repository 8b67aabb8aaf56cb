/**
 * The `$ref`s of a declared document that resolve to nothing, every one of them:
 * json-schema-ref-parser, asked to continue on errors, gathers them in one error whose
 * `errors` each name the `$ref`'s place (`path`, the tokens of the object that holds it in the
 * file it is written in, through local refs where it was reached through them). A ref written
 * in the document is placed there; one written in another file is placed at the document's
 * ref that leads to that file, its message saying where it is written.
 */
import { dirname, relative, resolve } from 'node:path';
import { childPointer, valueAt } from '../core/json-pointer.js';
import type { Locate } from '../core/yaml-locator.js';
import type { LocatedProblem } from './parser-errors.js';
import { refLeadingTo } from './ref-sites.js';
import type { JsonObject } from './types.js';

interface RefError {
  message: string;
  /** The file the ref is written in, or (a missing place in a file) the file it points into. */
  source: string;
  path: string[];
}

/** What json-schema-ref-parser throws with `continueOnError`: its parser, with every file it read. */
interface RefErrorGroup {
  errors: RefError[];
  files: { $refs: { values(...types: string[]): Record<string, unknown> } };
}

function isRefErrorGroup(error: unknown): error is RefErrorGroup {
  const { errors, files } = error as Partial<RefErrorGroup>;
  return Array.isArray(errors) && errors.every((entry) => Array.isArray(entry.path)) && typeof files?.$refs?.values === 'function';
}

/** Every unresolvable ref the error names, located; undefined for an error that is no such group. */
export function unresolvableRefs(error: unknown, root: JsonObject, file: string, locate: Locate): LocatedProblem[] | undefined {
  if (!isRefErrorGroup(error)) return undefined;
  const files = new Map(Object.entries(error.files.$refs.values('file')).map(([path, value]) => [resolve(path), value]));
  return error.errors.map(({ message, source, path }) => {
    const at = childPointer('', ...path, '$ref');
    if (typeof valueAt(root, locate(at).pointer) === 'string') return { message, pointer: at };
    const candidates = [resolve(source), ...files.keys()].filter((candidate) => candidate !== file);
    const other = candidates.find((candidate) => typeof valueAt(files.get(candidate), at) === 'string') ?? resolve(source);
    return { message: `${message} (written in ${relative(dirname(file), other)} at ${at})`, pointer: refLeadingTo(root, file, other)?.pointer };
  });
}
