/**
 * Finds the `<?xmute …?>` processing instructions of a sample document, in document order,
 * with their place in the text. An instruction written inside a comment is no processing
 * instruction (XML 1.0 §2.5), so xml-mutate does not see it; konform reports it as such rather
 * than dropping it silently.
 */
import { markupAt } from './xml-text.js';

export interface FoundInstruction {
  /** The text between `<?xmute` and `?>`. */
  data: string;
  start: number;
  end: number;
  line: number;
  column: number;
  /** Set when the instruction only appears inside a comment. */
  commentedOut?: true;
}

const TARGET = /^<\?xmute(?=[\s?])/;
const IN_COMMENT = /<\?xmute(?=[\s?])([\s\S]*?)\?>/g;

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

function locate(starts: number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] as number) <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - (starts[low] as number) + 1 };
}

export function findInstructions(text: string): FoundInstruction[] {
  const starts = lineStarts(text);
  const found: FoundInstruction[] = [];
  for (let position = 0; position < text.length; ) {
    const node = markupAt(text, position);
    const markup = text.slice(position, node.end);
    if (node.kind === 'pi' && TARGET.test(markup)) {
      found.push({ data: markup.slice('<?xmute'.length, -2), start: position, end: node.end, ...locate(starts, position) });
    }
    if (node.kind === 'comment') {
      for (const match of markup.matchAll(IN_COMMENT)) {
        const start = position + (match.index ?? 0);
        found.push({ data: match[1] ?? '', start, end: start + match[0].length, ...locate(starts, start), commentedOut: true });
      }
    }
    position = node.end;
  }
  return found;
}
