/**
 * The stylesheet a Schematron check runs: compiled by konform from the Schematron source, or
 * a precompiled XSLT the standard ships (ISO skeleton or SchXslt output, writing SVRL), which
 * passes the same fence against I/O as konform's own output.
 */
import { compileSchematron } from './compile.js';
import { guardStylesheet } from './guard.js';
import type { ReadSource } from './include.js';
import { parseSourceTree } from './tree.js';

export type StylesheetSource = { schematron: string; phase?: string } | { xslt: string };

export async function stylesheetOf(source: StylesheetSource, read: ReadSource): Promise<string> {
  if ('schematron' in source) return (await compileSchematron(source.schematron, read, source.phase ? { phase: source.phase } : {})).xslt;
  const bytes = await read(source.xslt);
  guardStylesheet(parseSourceTree(bytes, source.xslt));
  return Buffer.from(bytes).toString('utf8');
}
