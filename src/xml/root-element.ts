/**
 * The root element of an XML file, read from its first bytes without building a tree: enough
 * to choose the validation scenario (as KoSIT's scenarios.xml matches on the document
 * element). Namespaces resolve from the declarations on the root start tag (XML Namespaces
 * 1.0 §6.2). Returns undefined when the file does not start like an XML document.
 */
import { closeSync, openSync, readSync } from 'node:fs';

export interface QualifiedName {
  namespace: string;
  localName: string;
}

const FIRST_BYTES = 4 * 1024;
const HEAD_BYTES = 64 * 1024;
const NAME = /^<([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)/;
const XMLNS = /\sxmlns(?::([A-Za-z_][\w.-]*))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Where the first `end` after `from` ends; -1 when the text does not hold it. */
function past(text: string, end: string, from: number): number {
  const found = text.indexOf(end, from);
  return found === -1 ? -1 : found + end.length;
}

/** Skips the XML declaration, processing instructions, comments, the DOCTYPE and white space; -1 when the text ends first. */
function startOfRoot(text: string): number {
  let at = 0;
  while (at >= 0) {
    while (at < text.length && /\s/.test(text[at] as string)) at += 1;
    if (text.startsWith('\uFEFF', at)) at += 1;
    else if (text.startsWith('<?', at)) at = past(text, '?>', at);
    else if (text.startsWith('<!--', at)) at = past(text, '-->', at);
    else if (text.startsWith('<!DOCTYPE', at)) at = skipDoctype(text, at);
    else return text[at] === '<' ? at : -1;
  }
  return -1;
}

/** XML 1.0 §2.8: the DOCTYPE ends at the `>` after its internal subset `[…]`, if it has one. */
function skipDoctype(text: string, at: number): number {
  const subset = text.indexOf('[', at);
  const close = text.indexOf('>', at);
  if (subset === -1 || (close !== -1 && close < subset)) return close === -1 ? -1 : close + 1;
  const subsetEnd = text.indexOf(']', subset);
  return subsetEnd === -1 ? -1 : past(text, '>', subsetEnd);
}

/** The root's start tag without its `>`, when the text holds all of it. */
function rootStartTag(text: string): string | undefined {
  const start = startOfRoot(text);
  if (start < 0) return undefined;
  const end = text.indexOf('>', start);
  return end === -1 ? undefined : text.slice(start, end);
}

export function rootElementOf(text: string): QualifiedName | undefined {
  const tag = rootStartTag(text);
  const name = tag === undefined ? undefined : NAME.exec(tag)?.[1];
  if (!tag || !name) return undefined;
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

/**
 * Reads the first 4 KB, which hold the root start tag of almost every message, and up to 64 KB
 * when they do not. Synchronous like parseXmlFile (parse.ts): an asynchronous read would only
 * add round trips through the thread pool.
 */
export function readRootElement(file: string): QualifiedName | undefined {
  const fd = openSync(file, 'r');
  try {
    for (const size of [FIRST_BYTES, HEAD_BYTES]) {
      const buffer = Buffer.allocUnsafe(size);
      const bytesRead = readSync(fd, buffer, 0, size, 0);
      const text = buffer.toString('utf8', 0, bytesRead);
      if (rootStartTag(text) !== undefined || bytesRead < size || size === HEAD_BYTES) {
        const name = rootElementOf(text);
        return name && { namespace: detached(name.namespace), localName: detached(name.localName) };
      }
    }
    return undefined;
  } finally {
    closeSync(fd);
  }
}

export function clark(name: QualifiedName): string {
  return `{${name.namespace}}${name.localName}`;
}
