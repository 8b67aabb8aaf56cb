/**
 * Safe parsing of untrusted XML (a message file, an HTTP body) with libxml2-wasm. A file over
 * the byte limit is refused unread; the parse reads nothing but the given bytes (see
 * limits.ts for the options and parse-inputs.ts for the sandbox); whatever is wrong with the
 * content ends as findings, never as an exception. A document that parsed belongs to the caller,
 * who must dispose it: it lives in wasm memory, outside the garbage collector's view.
 */
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { XmlDocument, XmlParseError } from 'libxml2-wasm';
import type { Finding } from '../model/types.js';
import { DEFAULT_MAX_BYTES, SAFE_PARSE_OPTIONS } from './limits.js';
import { capFindings, parseFinding } from './parse-findings.js';
import { noInputs, withInputs, type RefusedInput } from './parse-inputs.js';

export type ParsedXml =
  | { document: XmlDocument; findings: Finding[] }
  | {
    document?: undefined;
    findings: Finding[];
    /** Over the byte limit and refused unread: nothing is known about its content (a cantTell, not a failure). */
    tooLarge?: true;
  };

export interface ParseLimits {
  maxBytes?: number;
}

/** XML 1.0 §2.1: a document starts with `<` (after an optional byte order mark and white space). */
function notXml(bytes: Uint8Array, file: string): Finding | undefined {
  if (bytes.length === 0) return undefined;
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16) return undefined;
  let at = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (at < bytes.length && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[at] as number)) at += 1;
  if (at === bytes.length || bytes[at] === 0x3c) return undefined;
  const head = [...bytes.subarray(at, at + 8)].map((byte) => byte.toString(16).padStart(2, '0')).join(' ');
  return {
    code: 'not-xml',
    message: `the file is not XML: it starts with the bytes ${head} where '<' is expected`,
    severity: 'error',
    params: { head },
    location: { file, line: 1, column: 1 },
  };
}

function refusedFinding(file: string, refused: RefusedInput): Finding {
  return {
    code: 'external-resource-refused',
    message: `refused to load ${refused.uri}: ${refused.reason}`,
    severity: 'error',
    params: { uri: refused.uri },
    location: { file },
  };
}

/** Parses bytes already in memory; `file` names them in findings. */
export function parseXml(bytes: Uint8Array, file: string): ParsedXml {
  const scope = noInputs();
  let document: XmlDocument;
  try {
    document = withInputs(scope, () => XmlDocument.fromBuffer(bytes, { url: file, option: SAFE_PARSE_OPTIONS }));
  } catch (error) {
    if (!(error instanceof XmlParseError)) throw error;
    const wrongStart = notXml(bytes, file);
    return { findings: wrongStart ? [wrongStart] : capFindings(error.details.map((detail) => parseFinding(file, detail)), file) };
  }
  const findings = document.warnings.map((detail) => parseFinding(file, detail));
  if (scope.refused.length === 0) return { document, findings: capFindings(findings, file) };
  // An entity that was not loaded leaves the content incomplete: the document is not usable.
  document.dispose();
  const explained = findings.filter((finding) => finding.code === 'external-resource-refused');
  const refusals = explained.length > 0 ? explained : scope.refused.map((refused) => refusedFinding(file, refused));
  return { findings: capFindings(refusals.map((finding) => ({ ...finding, severity: 'error' })), file) };
}

/** The file's bytes, or — over `maxBytes` — the one finding of a file refused unread, which names the limit. */
export function readWithinLimit(fd: number, file: string, maxBytes: number = DEFAULT_MAX_BYTES): { bytes: Buffer } | { refused: ParsedXml } {
  // Size and content come from one open file, so the limit holds for the bytes that are read.
  const { size } = fstatSync(fd);
  if (size <= maxBytes) return { bytes: readFileSync(fd) };
  return {
    refused: {
      tooLarge: true,
      findings: [{
        code: 'file-too-large',
        message: `the file is too large to parse: ${size} bytes, more than konform's limit of ${maxBytes} bytes (option maxBytes)`,
        params: { size, maxBytes },
        undecided: true,
        location: { file },
      }],
    },
  };
}

/**
 * Reads and parses a file; a file over `maxBytes` (default 100 MB) is refused unread, and its
 * one finding names the limit. A file that cannot be read throws: konform cannot tell, the
 * message is not at fault. The read is synchronous like the parse that follows it: an
 * asynchronous read would only add a round trip through the thread pool per file.
 */
export function parseXmlFile(file: string, limits: ParseLimits = {}): ParsedXml {
  const fd = openSync(file, 'r');
  try {
    const read = readWithinLimit(fd, file, limits.maxBytes);
    return 'bytes' in read ? parseXml(read.bytes, file) : read.refused;
  } finally {
    closeSync(fd);
  }
}
