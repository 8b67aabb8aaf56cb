/**
 * Maps a JSON pointer into the declared document to the line and column where it is written,
 * using the node ranges of the parsed YAML (JSON is parsed as YAML 1.2, of which it is a subset).
 * A member of a mapping is located at its key. A pointer that runs through a local `$ref`
 * continues at the ref's target, as the validator saw the dereferenced document; one that runs
 * into an external ref stops at the ref.
 */
import { isMap, isScalar, isSeq, type Document, type LineCounter } from 'yaml';
import { fragmentPointer, pointerTokens } from './json-pointer.js';

export interface LineColumn {
  line: number;
  column: number;
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

  /** Where the deepest existing node on the pointer's way is written (1-based). */
  locate(pointer: string): LineColumn | undefined {
    let step: Step = { node: this.document.contents, marker: this.document.contents };
    for (const token of pointerTokens(pointer)) {
      const next = child(step.node, token) ?? child(this.followRef(step.node), token);
      if (next === undefined) break;
      step = next;
    }
    const range = (step.marker as { range?: [number, number, number] } | null)?.range;
    if (!range) return undefined;
    const position = this.lines.linePos(range[0]);
    return { line: position.line, column: position.col };
  }

  private followRef(node: unknown): unknown {
    let current = node;
    for (let hop = 0; hop < MAX_REF_HOPS; hop += 1) {
      const ref = child(current, '$ref')?.node;
      const target = isScalar(ref) && typeof ref.value === 'string' ? fragmentPointer(ref.value) : undefined;
      if (target === undefined) return current;
      current = this.nodeAt(target);
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
