/**
 * The root element of an XML file, read from its first bytes without building a tree: enough
 * to choose the validation scenario (as KoSIT's scenarios.xml matches on the document
 * element). The bytes are decoded as XML 1.0 Appendix F detects their encoding
 * (xml-encoding.ts); namespaces resolve from the declarations on the root start tag (XML
 * Namespaces 1.0 §6.2). Returns undefined when the file does not start like an XML document
 * konform can read.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { DEFAULT_MAX_BYTES } from './limits.js';
import { xmlText } from './xml-encoding.js';

export interface QualifiedName {
  namespace: string;
  localName: string;
}

const FIRST_BYTES = 4 * 1024;
/** How much more is read each time the root start tag is not yet in the bytes read. */
const GROWTH = 16;
const NAME = /^<([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)/;
const XMLNS = /\sxmlns(?::([A-Za-z_][\w.-]*))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The text before the root start tag ends: more text may hold it. */
const INCOMPLETE = 'incomplete';

/** Where the first `end` after `from` ends; -1 when the text does not hold it. */
function past(text: string, end: string, from: number): number {
  const found = text.indexOf(end, from);
  return found === -1 ? -1 : found + end.length;
}

/**
 * Skips the XML declaration, processing instructions, comments, the DOCTYPE and white space
 * (XML 1.0 §2.8 prolog); -1 when something else comes before a `<`.
 */
function startOfRoot(text: string): number | typeof INCOMPLETE {
  let at = 0;
  while (at >= 0) {
    while (at < text.length && /\s/.test(text[at] as string)) at += 1;
    if (at === text.length) return INCOMPLETE;
    if (text.startsWith('\uFEFF', at)) at += 1;
    else if (text.startsWith('<?', at)) at = past(text, '?>', at);
    else if (text.startsWith('<!--', at)) at = past(text, '-->', at);
    else if (text.startsWith('<!DOCTYPE', at)) at = skipDoctype(text, at);
    else return text[at] === '<' ? at : -1;
  }
  return INCOMPLETE;
}

/** XML 1.0 §2.8: the DOCTYPE ends at the `>` after its internal subset `[…]`, if it has one. */
function skipDoctype(text: string, at: number): number {
  const subset = text.indexOf('[', at);
  const close = text.indexOf('>', at);
  if (subset === -1 || (close !== -1 && close < subset)) return close === -1 ? -1 : close + 1;
  const subsetEnd = text.indexOf(']', subset);
  return subsetEnd === -1 ? -1 : past(text, '>', subsetEnd);
}

/** The root's start tag without its `>`; undefined when the text is no XML document. */
function rootStartTag(text: string): string | undefined | typeof INCOMPLETE {
  const start = startOfRoot(text);
  if (start === INCOMPLETE || start < 0) return start === INCOMPLETE ? start : undefined;
  const end = text.indexOf('>', start);
  return end === -1 ? INCOMPLETE : text.slice(start, end);
}

/** The root element's name; undefined when the text does not hold its whole start tag. */
export function rootElementOf(text: string): QualifiedName | undefined {
  const tag = rootStartTag(text);
  return tag === undefined || tag === INCOMPLETE ? undefined : nameOf(tag);
}

function nameOf(tag: string): QualifiedName | undefined {
  const name = NAME.exec(tag)?.[1];
  if (!name) return undefined;
  const [prefix, localName] = name.includes(':') ? (name.split(':') as [string, string]) : ['', name];
  for (const match of tag.matchAll(XMLNS)) {
    if ((match[1] ?? '') === prefix) return { namespace: match[2] ?? match[3] ?? '', localName };
  }
  return prefix === '' ? { namespace: '', localName } : undefined;
}

/**
 * A copy of a substring that does not keep its parent alive: V8 represents a substring as a
 * slice of the parent string, so a root element name kept per file for the run would keep
 * that file's head with it.
 */
const detached = (text: string): string => Buffer.from(text, 'utf8').toString('utf8');

/** The first `length` bytes of the file, fewer where it ends first. */
function head(fd: number, length: number): Uint8Array {
  const buffer = Buffer.allocUnsafe(length);
  let filled = 0;
  while (filled < length) {
    const read = readSync(fd, buffer, filled, length - filled, filled);
    if (read === 0) break;
    filled += read;
  }
  return buffer.subarray(0, filled);
}

/**
 * The root element from a file's first bytes, `head(length)` giving up to `length` of them:
 * the first 4 KB, which hold the root start tag of almost every message, and 16 times more
 * while they do not, up to `readable` bytes (the whole file within the byte limit of parse.ts).
 */
function rootFromHead(head: (length: number) => Uint8Array, readable: number): QualifiedName | undefined {
  for (let length = FIRST_BYTES; ; length *= GROWTH) {
    const bytes = head(Math.min(length, readable));
    const text = xmlText(bytes);
    const tag = text === undefined ? undefined : rootStartTag(text);
    if (tag !== INCOMPLETE) {
      const name = tag === undefined ? undefined : nameOf(tag);
      return name && { namespace: detached(name.namespace), localName: detached(name.localName) };
    }
    if (bytes.length < length || bytes.length >= readable) return undefined;
  }
}

/**
 * The root element of an open file, read from its head. Synchronous like parseXmlFile
 * (parse.ts): an asynchronous read would only add round trips through the thread pool.
 */
export function readRootElementOf(fd: number, size: number): QualifiedName | undefined {
  return rootFromHead((length) => head(fd, length), Math.min(size, DEFAULT_MAX_BYTES));
}

/** The root element of a file read whole, found as readRootElementOf finds it in the file. */
export function rootElementOfBytes(bytes: Uint8Array): QualifiedName | undefined {
  return rootFromHead((length) => bytes.subarray(0, length), Math.min(bytes.length, DEFAULT_MAX_BYTES));
}

export function readRootElement(file: string): QualifiedName | undefined {
  const fd = openSync(file, 'r');
  try {
    return readRootElementOf(fd, fstatSync(fd).size);
  } finally {
    closeSync(fd);
  }
}

export function clark(name: QualifiedName): string {
  return `{${name.namespace}}${name.localName}`;
}
