/**
 * The root element of an XML file, read from its first bytes without building a tree: enough
 * to choose the validation scenario (as KoSIT's scenarios.xml matches on the document
 * element). Namespaces resolve from the declarations on the root start tag (XML Namespaces
 * 1.0 §6.2). Returns undefined when the file does not start like an XML document.
 */
import { open } from 'node:fs/promises';

export interface QualifiedName {
  namespace: string;
  localName: string;
}

const HEAD_BYTES = 64 * 1024;
const NAME = /^<([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)/;
const XMLNS = /\sxmlns(?::([A-Za-z_][\w.-]*))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Skips the XML declaration, processing instructions, comments, the DOCTYPE and white space. */
function startOfRoot(text: string): number {
  let at = 0;
  for (;;) {
    while (at < text.length && /\s/.test(text[at] as string)) at += 1;
    if (text.startsWith('\uFEFF', at)) at += 1;
    else if (text.startsWith('<?', at)) at = text.indexOf('?>', at) + 2;
    else if (text.startsWith('<!--', at)) at = text.indexOf('-->', at) + 3;
    else if (text.startsWith('<!DOCTYPE', at)) at = skipDoctype(text, at);
    else return text[at] === '<' ? at : -1;
    if (at < 2) return -1;
  }
}

function skipDoctype(text: string, at: number): number {
  const subset = text.indexOf('[', at);
  const close = text.indexOf('>', at);
  if (subset !== -1 && subset < close) return text.indexOf(']', subset) === -1 ? 0 : text.indexOf('>', text.indexOf(']', subset)) + 1;
  return close + 1;
}

export function rootElementOf(text: string): QualifiedName | undefined {
  const start = startOfRoot(text);
  if (start < 0) return undefined;
  const end = text.indexOf('>', start);
  const tag = text.slice(start, end === -1 ? undefined : end);
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
 * that file's 64 KB head with it.
 */
const detached = (text: string): string => Buffer.from(text, 'utf8').toString('utf8');

export async function readRootElement(file: string): Promise<QualifiedName | undefined> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    const name = rootElementOf(buffer.subarray(0, bytesRead).toString('utf8'));
    return name && { namespace: detached(name.namespace), localName: detached(name.localName) };
  } finally {
    await handle.close();
  }
}

/** Clark notation, `{namespace}localName`, as suites write root elements. */
export function clark(name: QualifiedName): string {
  return `{${name.namespace}}${name.localName}`;
}
