/**
 * A message file read for the XÖV checks: its element tree and its code elements. Each check
 * reads the file itself — trees are not kept for the run, so memory stays flat over many files.
 * A file too large or not well-formed is reported as unreadable: the well-formedness check
 * decides about it, these checks cannot tell.
 */
import { readFile, stat } from 'node:fs/promises';
import type { CheckContext } from '../checks/types.js';
import type { FindingLocation } from '../core/model.js';
import { codeElements, type CodeElement } from './codelist-elements.js';
import { codeSchema } from './codelist-schema.js';
import { xpathOf } from './element-queries.js';
import { parseElementTree, XmlTreeError, type ElementTree, type XmlElement } from './element-tree.js';

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
  if (size > MAX_MESSAGE_BYTES) return { unreadable: `the file has ${size} bytes, more than the ${MAX_MESSAGE_BYTES} konform reads for this check` };
  let tree: ElementTree;
  try {
    tree = parseElementTree((await readFile(file)).toString('utf8'));
  } catch (error) {
    if (!(error instanceof XmlTreeError)) throw error;
    const at = error.line === undefined ? '' : ` (line ${error.line}, column ${error.column})`;
    return { unreadable: `the file is not well-formed XML${at}: ${error.message}` };
  }
  const codes = codeElements(tree.root, await codeSchema(context, schemas));
  const locate = (element: XmlElement) => ({ file, ...tree.position(element), xpath: xpathOf(element) });
  return { message: { tree, codes, locate } };
}

