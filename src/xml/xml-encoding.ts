/**
 * The text of an XML document's bytes, decoded in the encoding XML 1.0 Appendix F detects: a
 * byte order mark (UTF-8, UTF-16 big or little endian), else the bytes of `<?xm` in UTF-16,
 * else the encoding declaration (§4.3.3) of an ASCII-compatible document, UTF-8 without one.
 * konform reads root names and start tag positions in this text; whether the encoding is
 * right is libxml2's judgement (parse.ts).
 */

/** First bytes that name an encoding konform does not decode: UCS-4 in any byte order, EBCDIC. */
const UNREAD = [[0x00, 0x00, 0xfe, 0xff], [0xff, 0xfe, 0x00, 0x00], [0x00, 0x00, 0xff, 0xfe], [0xfe, 0xff, 0x00, 0x00],
  [0x00, 0x00, 0x00, 0x3c], [0x3c, 0x00, 0x00, 0x00], [0x00, 0x00, 0x3c, 0x00], [0x00, 0x3c, 0x00, 0x00], [0x4c, 0x6f, 0xa7, 0x94]];

/** First bytes and the encoding they mean, with the length of the byte order mark among them. */
const SIGNATURES: ReadonlyArray<{ bytes: number[]; label: string; bom: number }> = [
  { bytes: [0xef, 0xbb, 0xbf], label: 'utf-8', bom: 3 },
  { bytes: [0xfe, 0xff], label: 'utf-16be', bom: 2 },
  { bytes: [0xff, 0xfe], label: 'utf-16le', bom: 2 },
  { bytes: [0x00, 0x3c, 0x00, 0x3f], label: 'utf-16be', bom: 0 },
  { bytes: [0x3c, 0x00, 0x3f, 0x00], label: 'utf-16le', bom: 0 },
];

/** XML 1.0 §4.3.3 EncodingDecl in the XML declaration. */
const ENCODING_DECLARATION = /^<\?xml\s[^?>]*?encoding\s*=\s*(?:"([A-Za-z][\w.-]*)"|'([A-Za-z][\w.-]*)')/;
/** Decoders whose bytes are not a superset of ASCII, which the declaration was just read in. */
const NOT_ASCII_COMPATIBLE = new Set(['utf-16le', 'utf-16be', 'replacement']);

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((byte, index) => bytes[index] === byte);

/**
 * The decoder of an ASCII-compatible document: the declared encoding where the platform has it,
 * else Latin-1 (windows-1252), which reads every ASCII name of a single-byte encoding right.
 */
function declaredDecoder(bytes: Uint8Array): TextDecoder {
  const declaration = ENCODING_DECLARATION.exec(Buffer.from(bytes.subarray(0, 256)).toString('latin1'));
  const label = declaration ? (declaration[1] ?? declaration[2] ?? 'utf-8') : 'utf-8';
  try {
    const decoder = new TextDecoder(label);
    if (!NOT_ASCII_COMPATIBLE.has(decoder.encoding)) return decoder;
  } catch {
    // an encoding name the platform does not know
  }
  return new TextDecoder('latin1');
}

/** The document's text without a byte order mark; undefined in an encoding konform does not decode. */
export function xmlText(bytes: Uint8Array): string | undefined {
  if (UNREAD.some((prefix) => startsWith(bytes, prefix))) return undefined;
  const signature = SIGNATURES.find((candidate) => startsWith(bytes, candidate.bytes));
  const decoder = signature ? new TextDecoder(signature.label) : declaredDecoder(bytes);
  return decoder.decode(bytes.subarray(signature?.bom ?? 0));
}
