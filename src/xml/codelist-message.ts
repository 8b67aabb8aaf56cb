/**
 * A message file read for the XÖV checks: its element tree and its code elements, from one
 * libxml2 parse with konform's limits for untrusted XML (parse.ts), so values are what every
 * conforming processor reads. Each check reads the file itself — trees are not kept for the
 * run, so memory stays flat over many files. A file too large or not well-formed is reported
 * as unreadable: the well-formedness check decides about it, these checks cannot tell.
 */
import { readFile, stat } from 'node:fs/promises';
import type { CheckContext } from '../checks/types.js';
import type { FindingLocation } from '../model/types.js';
import { codeElements, type CodeElement } from './codelist-elements.js';
import { codeSchema } from './codelist-schema.js';
import { xpathOf } from './element-queries.js';
import type { ElementTree, XmlElement } from './element-tree.js';
import { messageTree } from './message-tree.js';
import { parseXml } from './parse.js';
import { xmlText } from './xml-encoding.js';

/** Larger files are left to the streaming XSD check. */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

export interface XoevMessage {
  tree: ElementTree;
  codes: CodeElement[];
  /** Where a finding about the element points: file, line, column, XPath. */
  locate(element: XmlElement): FindingLocation;
}

export type MessageReading = { message: XoevMessage } | { unreadable: string };

/** The message in `file`, typed with the XML Schemas under `schemas` of the run's standard. */
export async function readXoevMessage(context: CheckContext, file: string, schemas: string): Promise<MessageReading> {
  const size = (await stat(file)).size;
  if (size > MAX_MESSAGE_BYTES) return { unreadable: `the file is too large: ${size} bytes, more than the limit of ${MAX_MESSAGE_BYTES} bytes konform reads for this check` };
  const bytes = await readFile(file);
  const parsed = parseXml(bytes, file);
  if (!parsed.document) {
    const first = parsed.findings[0];
    const at = first?.location?.line === undefined ? '' : ` (line ${first.location.line}${first.location.column === undefined ? '' : `, column ${first.location.column}`})`;
    return { unreadable: `the file is not well-formed XML within konform's limits${at}: ${first?.message ?? 'libxml2 gave no reason'}` };
  }
  let tree: ElementTree;
  try {
    tree = messageTree(parsed.document, xmlText(bytes) ?? '');
  } finally {
    parsed.document.dispose();
  }
  const codes = codeElements(tree.root, await codeSchema(context, schemas));
  const locate = (element: XmlElement) => ({ file, ...tree.position(element), xpath: xpathOf(element) });
  return { message: { tree, codes, locate } };
}
