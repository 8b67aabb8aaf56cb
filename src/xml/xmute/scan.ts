/**
 * Finds the `<?xmute …?>` processing instructions of a sample document, in document order,
 * with their place in the text. An instruction written inside a comment is no processing
 * instruction (XML 1.0 §2.5), so xml-mutate does not see it; konform reports it as such rather
 * than dropping it silently.
 */
import { markupAt } from './xml-text.js';
import { lineStarts, positionAt } from '../text-position.js';

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

export function findInstructions(text: string): FoundInstruction[] {
  const starts = lineStarts(text);
  const found: FoundInstruction[] = [];
  for (let position = 0; position < text.length; ) {
    const node = markupAt(text, position);
    const markup = text.slice(position, node.end);
    if (node.kind === 'pi' && TARGET.test(markup)) {
      found.push({ data: markup.slice('<?xmute'.length, -2), start: position, end: node.end, ...positionAt(starts, position) });
    }
    if (node.kind === 'comment') {
      for (const match of markup.matchAll(IN_COMMENT)) {
        const start = position + (match.index ?? 0);
        found.push({ data: match[1] ?? '', start, end: start + match[0].length, ...positionAt(starts, start), commentedOut: true });
      }
    }
    position = node.end;
  }
  return found;
}
