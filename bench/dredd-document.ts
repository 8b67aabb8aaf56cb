/**
 * Dredd 14 expands a path template only from a parameter's `example` or `default`; it ignores
 * `examples` (OpenAPI 3.0.3 Parameter Object) and then refuses the whole document. In the
 * Dredd-compatible copy each path parameter with `examples` has an `example` instead (the two
 * are mutually exclusive): the value of its first example, which konform sends either way.
 * Nothing else is changed, so the copy is still a valid document for konform.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, type YAMLMap } from 'yaml';
import { childPointer } from '../src/core/json-pointer.js';

export interface DreddDocument {
  file: string;
  /** One line per change, naming the parameter by JSON pointer. */
  changes: string[];
}

function firstExampleValue(parameter: YAMLMap): { value: unknown } | undefined {
  if (parameter.get('in') !== 'path' || parameter.has('example') || parameter.has('$ref')) return undefined;
  const examples = parameter.get('examples', true);
  const first = isMap(examples) ? examples.items[0]?.value : undefined;
  if (!isMap(first) || !first.has('value')) return undefined;
  return { value: (first.toJSON() as { value: unknown }).value };
}

export async function dreddCompatibleCopy(source: string): Promise<DreddDocument> {
  const document = parseDocument(await readFile(source, 'utf8'));
  const changes: string[] = [];
  const visit = (node: unknown, pointer: string): void => {
    if (isSeq(node)) node.items.forEach((item, index) => visit(item, childPointer(pointer, index)));
    if (!isMap(node)) return;
    const example = firstExampleValue(node);
    if (example) {
      node.delete('examples');
      node.set('example', example.value);
      changes.push(`${pointer}: examples replaced by example ${JSON.stringify(example.value)}, the first of them`);
    }
    for (const pair of node.items) {
      if (isScalar(pair.key)) visit(pair.value, childPointer(pointer, String(pair.key.value)));
    }
  };
  visit(document.contents, '');
  const file = join(await mkdtemp(join(tmpdir(), 'konform-bench-dredd-')), 'openapi.yaml');
  await writeFile(file, document.toString());
  return { file, changes };
}
