/**
 * Where a JSON pointer into a parsed YAML document (or JSON, parsed as YAML 1.2, of which it
 * is a subset) is written: line and column (1-based) from the node ranges. A member of a
 * mapping is located at its key. A pointer that runs through a local `$ref` continues at the
 * ref's target, as a validator sees the dereferenced document; one that runs into anything
 * else that is not there stops at the deepest node found, with the tokens not found kept.
 */
import { isMap, isScalar, isSeq, type Document, type LineCounter } from 'yaml';
import type { SourceLocation } from '../model/errors.js';
import { childPointer, fragmentPointer, pointerTokens } from './json-pointer.js';

/** Where a pointer is written: file, line and column, and the pointer of that place (through local `$ref`s to their targets). */
export type Locate = (pointer: string) => SourceLocation & { pointer: string };

/** A node on the way, and the node that marks where it is written (the key, for a mapping member). */
interface Step {
  node: unknown;
  marker: unknown;
}

/** Long enough for any real chain; stops a `$ref` cycle. */
const MAX_REF_HOPS = 64;

export function yamlLocator(file: string, document: Document, lines: LineCounter): Locate {
  const nodeAt = (pointer: string): unknown => {
    let node: unknown = document.contents;
    for (const token of pointerTokens(pointer)) node = child(node, token)?.node;
    return node;
  };
  const followRef = (node: unknown): { node: unknown; pointer: string } => {
    let current = { node, pointer: '' };
    for (let hop = 0; hop < MAX_REF_HOPS; hop += 1) {
      const ref = child(current.node, '$ref')?.node;
      const target = isScalar(ref) && typeof ref.value === 'string' ? fragmentPointer(ref.value) : undefined;
      if (target === undefined) return current;
      current = { node: nodeAt(target), pointer: target };
    }
    return current;
  };
  return (pointer) => {
    let step: Step = { node: document.contents, marker: document.contents };
    let written = '';
    const tokens = pointerTokens(pointer);
    let found = 0;
    for (const token of tokens) {
      let next = child(step.node, token);
      if (next === undefined) {
        const target = followRef(step.node);
        next = child(target.node, token);
        if (next !== undefined) written = target.pointer;
      }
      if (next === undefined) break;
      step = next;
      written = childPointer(written, token);
      found += 1;
    }
    const place = { file, pointer: childPointer(written, ...tokens.slice(found)) };
    const range = (step.marker as { range?: [number, number, number] } | null)?.range;
    if (!range) return place;
    const { line, col } = lines.linePos(range[0]);
    return { ...place, line, column: col };
  };
}

function child(node: unknown, token: string): Step | undefined {
  if (isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === token);
    return pair ? { node: pair.value, marker: pair.key } : undefined;
  }
  if (isSeq(node) && /^(0|[1-9]\d*)$/.test(token)) {
    const item = node.items[Number(token)];
    return item === undefined ? undefined : { node: item, marker: item };
  }
  return undefined;
}
