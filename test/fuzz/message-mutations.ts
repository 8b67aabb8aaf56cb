/**
 * Mutations of a valid invoice, each with what konform must make of it: bytes flipped,
 * inserted or cut off; the same text in other encodings, with or without byte order mark and
 * declaration, or declared wrongly; internal entities, entity bombs and references to
 * external entities and DTDs; elements nested deeper than the parser's limit.
 */
import fc from 'fast-check';
import { insertBytes } from './bytes.js';

export type Expectation =
  /** The same outcome, check by check, as the original: the same document (XML 1.0 §4.3.3, §4.4.2). */
  | { kind: 'as-original' }
  | { kind: 'not-well-formed' }
  /** Some check of the file fails or cannot tell. */
  | { kind: 'not-accepted' }
  /** Elements nest `depth` levels deep, the root counted. */
  | { kind: 'depth'; depth: number }
  /** Names an external resource, which is never loaded; a referenced one keeps the file from being accepted. */
  | { kind: 'external'; referenced: boolean }
  /** Internal entities expand to `chars` characters. */
  | { kind: 'expansion'; chars: number }
  | { kind: 'any' };

export interface MutatedMessage {
  mutation: string;
  bytes: Uint8Array;
  expect: Expectation;
}

/** Where an external entity could lead: a local file, by absolute and by relative URI, and a loopback server. */
export interface Canary {
  fileUri: string;
  relativeUri: string;
  url: string;
}

const DECLARATION = /^<\?xml[^>]*\?>\s*/;

/** The text of `original` split into its XML declaration and the rest, and its first Note. */
function parts(original: string) {
  const body = original.replace(DECLARATION, '');
  const note = /<cbc:Note>([^<]*)<\/cbc:Note>/.exec(body);
  if (!note) throw new Error('the invoice has no cbc:Note to mutate');
  return { body, note: note[0], noteText: note[1] ?? '' };
}

const declared = (encoding: string, body: string) => `<?xml version="1.0" encoding="${encoding}"?>\n${body}`;
const withDoctype = (subset: string, body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE ubl:Invoice ${subset}>\n${body}`;
const utf16 = (text: string, order: 'le' | 'be', bom: boolean): Buffer => {
  const bytes = Buffer.from(`${bom ? '\uFEFF' : ''}${text}`, 'utf16le');
  return order === 'le' ? bytes : bytes.swap16();
};
/** A mutated message; a counterexample shows its mutation and expectation, not its bytes (the seed replays them). */
const message = (mutation: string, bytes: Uint8Array | string, expect: Expectation): MutatedMessage =>
  Object.assign({ mutation, bytes: typeof bytes === 'string' ? Buffer.from(bytes) : bytes, expect }, { [fc.toStringMethod]: () => `${mutation} ${JSON.stringify(expect)}` });

function byteMutations(original: Buffer): fc.Arbitrary<MutatedMessage> {
  const rootEnd = original.lastIndexOf('>');
  return fc.oneof(
    fc.array(fc.record({ at: fc.nat(original.length - 1), value: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 8 }).map((flips) => {
      const bytes = Buffer.from(original);
      for (const { at, value } of flips) bytes[at] = value;
      return message('bytes-flipped', bytes, { kind: 'any' });
    }),
    // Any cut before the last '>' leaves the root element unclosed.
    fc.nat(rootEnd - 1).map((at) => message('truncated', original.subarray(0, at), { kind: 'not-well-formed' })),
    fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 16 })).map(([at, inserted]) => message('bytes-inserted', insertBytes(original, at, inserted), { kind: 'any' })),
  );
}

function encodingMutations(original: string): fc.Arbitrary<MutatedMessage> {
  const { body } = parts(original);
  // ISO-8859-1 has no '…': characters outside it become character references, the same characters (§4.1).
  const latin1Body = body.replace(/[^\u0000-\u00ff]/gu, (char) => `&#x${char.codePointAt(0)?.toString(16)};`);
  const order = fc.constantFrom<'le' | 'be'>('le', 'be');
  return fc.oneof(
    fc.constant(message('utf-8-bom', `\uFEFF${original}`, { kind: 'as-original' })),
    fc.tuple(order, fc.boolean()).map(([byteOrder, declaration]) =>
      message(`utf-16${byteOrder}-bom`, utf16(declaration ? declared('UTF-16', body) : body, byteOrder, true), { kind: 'as-original' }),
    ),
    // Appendix F detects UTF-16 from `<?xm`; §4.3.3 wants a byte order mark: either judgement is konform's to make.
    order.map((byteOrder) => message(`utf-16${byteOrder}-declared-no-bom`, utf16(declared('UTF-16', body), byteOrder, false), { kind: 'any' })),
    // Without mark or declaration the document is UTF-8 (§4.3.3), and NUL is no XML character.
    order.map((byteOrder) => message(`utf-16${byteOrder}-undeclared`, utf16(body, byteOrder, false), { kind: 'not-well-formed' })),
    fc.constant(message('latin-1-declared', Buffer.from(declared('ISO-8859-1', latin1Body), 'latin1'), { kind: 'as-original' })),
    // Bytes not legal in the declared encoding are a fatal error (§4.3.3); the invoice has umlauts.
    fc.constant(message('latin-1-declared-utf-8', Buffer.from(declared('UTF-8', latin1Body), 'latin1'), { kind: 'not-well-formed' })),
    // An encoding the processor cannot process is a fatal error (§4.3.3).
    fc.stringMatching(/^[a-z0-9]{1,8}$/).map((name) => message('unknown-encoding', declared(`konform-unknown-${name}`, body), { kind: 'not-accepted' })),
    fc.constant(message('utf-8-declared-utf-16', declared('UTF-16', body), { kind: 'any' })),
  );
}

function entityMutations(original: string, canary: Canary): fc.Arbitrary<MutatedMessage> {
  const { body, note, noteText } = parts(original);
  const uri = fc.constantFrom(canary.fileUri, canary.relativeUri, canary.url);
  const inNote = (content: string) => body.replace(note, `<cbc:Note>${content}</cbc:Note>`);
  return fc.oneof(
    fc.nat(noteText.length).map((at) => {
      const entity = noteText.slice(at);
      return message('internal-entity', withDoctype(`[<!ENTITY text "${entity}">]`, inNote(`${noteText.slice(0, at)}&text;`)), { kind: 'as-original' });
    }),
    fc.record({ levels: fc.integer({ min: 1, max: 10 }), fanOut: fc.integer({ min: 2, max: 12 }), payload: fc.integer({ min: 1, max: 40 }) }).map(({ levels, fanOut, payload }) => {
      const entities = Array.from({ length: levels + 1 }, (_, level) =>
        level === 0 ? `<!ENTITY e0 "${'x'.repeat(payload)}">` : `<!ENTITY e${level} "${`&e${level - 1};`.repeat(fanOut)}">`,
      );
      return message('entity-expansion', withDoctype(`[${entities.join('\n')}]`, inNote(`&e${levels};`)), { kind: 'expansion', chars: payload * fanOut ** levels });
    }),
    uri.map((target) => message('external-entity', withDoctype(`[<!ENTITY ext SYSTEM "${target}">]`, inNote('&ext;')), { kind: 'external', referenced: true })),
    uri.map((target) => message('external-entity-unused', withDoctype(`[<!ENTITY ext SYSTEM "${target}">]`, body), { kind: 'external', referenced: false })),
    uri.map((target) => message('external-dtd', withDoctype(`SYSTEM "${target}"`, body), { kind: 'external', referenced: true })),
    uri.map((target) => message('external-parameter-entity', withDoctype(`[<!ENTITY % ext SYSTEM "${target}"> %ext;]`, body), { kind: 'external', referenced: true })),
  );
}

/** Elements nested inside the first Note, which is at depth 2 (the root at 1). */
function depthMutations(original: string): fc.Arbitrary<MutatedMessage> {
  const { body, note } = parts(original);
  const nesting = fc.oneof(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 250, max: 260 }), fc.integer({ min: 300, max: 100_000 }));
  return nesting.map((count) =>
    message('deep-nesting', declared('UTF-8', body.replace(note, `<cbc:Note>${'<d>'.repeat(count)}${'</d>'.repeat(count)}</cbc:Note>`)), { kind: 'depth', depth: count + 2 }),
  );
}

export function mutatedMessages(original: string, canary: Canary): fc.Arbitrary<MutatedMessage> {
  return fc.oneof(byteMutations(Buffer.from(original)), encodingMutations(original), entityMutations(original, canary), depthMutations(original));
}
