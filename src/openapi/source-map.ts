/**
 * Maps a JSON pointer into the declared document to the line and column where it is written,
 * using the node ranges of the parsed YAML (JSON is parsed as YAML 1.2, of which it is a subset).
 * A member of a mapping is located at its key. A pointer that runs through a local `$ref`
 * continues at the ref's target, as the validator saw the dereferenced document; one that runs
 * into an external ref stops at the ref.
 */
import { isMap, isScalar, isSeq, type Document, type LineCounter } from 'yaml';
import { childPointer, fragmentPointer, pointerTokens } from '../core/json-pointer.js';

export interface LineColumn {
  line: number;
  column: number;
}

/** Where a pointer is written: line and column, and the pointer of that place (through local `$ref`s to their targets). */
export interface WrittenPlace extends Partial<LineColumn> {
  pointer: string;
}

/** A node on the way, and the node that marks where it is written (the key, for a mapping member). */
interface Step {
  node: unknown;
  marker: unknown;
}

const MAX_REF_HOPS = 64;

export class SourceMap {
  constructor(
    private readonly document: Document.Parsed,
    private readonly lines: LineCounter,
  ) {}

  /**
   * Where the deepest existing node on the pointer's way is written (1-based), and the pointer
   * of that place with the tokens not found appended.
   */
  locate(pointer: string): WrittenPlace {
    let step: Step = { node: this.document.contents, marker: this.document.contents };
    let written = '';
    const tokens = pointerTokens(pointer);
    let found = 0;
    for (const token of tokens) {
      let next = child(step.node, token);
      if (next === undefined) {
        const target = this.followRef(step.node);
        next = child(target.node, token);
        if (next !== undefined) written = target.pointer;
      }
      if (next === undefined) break;
      step = next;
      written = childPointer(written, token);
      found += 1;
    }
    const place = { pointer: childPointer(written, ...tokens.slice(found)) };
    const range = (step.marker as { range?: [number, number, number] } | null)?.range;
    if (!range) return place;
    const position = this.lines.linePos(range[0]);
    return { ...place, line: position.line, column: position.col };
  }

  private followRef(node: unknown): { node: unknown; pointer: string } {
    let current = { node, pointer: '' };
    for (let hop = 0; hop < MAX_REF_HOPS; hop += 1) {
      const ref = child(current.node, '$ref')?.node;
      const target = isScalar(ref) && typeof ref.value === 'string' ? fragmentPointer(ref.value) : undefined;
      if (target === undefined) return current;
      current = { node: this.nodeAt(target), pointer: target };
    }
    return current;
  }

  private nodeAt(pointer: string): unknown {
    let node: unknown = this.document.contents;
    for (const token of pointerTokens(pointer)) node = child(node, token)?.node;
    return node;
  }
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
