/**
 * The root element of a message file, which decides the checks that are for it: read from its
 * first bytes (root-element.ts) and, where they do not name it — an encoding konform does not
 * decode, say — taken from libxml2's parse of the whole file, which decodes more and, for a
 * file without a root, says why: not well-formed, or over the byte limit and refused unread.
 */
import type { Finding } from '../model/types.js';
import { parseXmlFile } from './parse.js';
import { clark, readRootElement } from './root-element.js';

export type FileRoot =
  | { root: string }
  /** No root: the parse findings, and whether the file was refused unread for its size. */
  | { rootless: { findings: Finding[]; tooLarge: boolean } };

/** The root element in Clark notation, `{namespace}localName`. */
export function fileRoot(file: string): FileRoot {
  const head = readRootElement(file);
  if (head) return { root: clark(head) };
  const parsed = parseXmlFile(file);
  if (!parsed.document) return { rootless: { findings: parsed.findings, tooLarge: parsed.tooLarge === true } };
  try {
    const { namespaceUri, name } = parsed.document.root;
    return { root: clark({ namespace: namespaceUri, localName: name }) };
  } finally {
    parsed.document.dispose();
  }
}
