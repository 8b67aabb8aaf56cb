/**
 * The stylesheet a Schematron check runs: compiled by konform from the Schematron source, or
 * a precompiled XSLT the standard ships (ISO skeleton output, writing SVRL), which passes the
 * same fence against I/O as konform's own output. Either comes with the IDs of each rule's
 * assertions, to tell from a file's SVRL which assertions it gave a case of.
 */
import { compileSchematron } from './compile.js';
import type { AssertionsByRule } from './fired-rules.js';
import { guardStylesheet } from './guard.js';
import type { ReadSource } from './include.js';
import { stylesheetRules } from './stylesheet-rules.js';
import { parseSourceTree } from './tree.js';

export type StylesheetSource = { schematron: string; phase?: string } | { xslt: string };

export interface Stylesheet {
  xslt: string;
  assertionsByRule: AssertionsByRule;
}

export async function stylesheetOf(source: StylesheetSource, read: ReadSource): Promise<Stylesheet> {
  if ('schematron' in source) {
    const { xslt, assertionsByRule } = await compileSchematron(source.schematron, read, source.phase ? { phase: source.phase } : {});
    return { xslt, assertionsByRule };
  }
  const bytes = await read(source.xslt);
  const tree = parseSourceTree(bytes, source.xslt);
  guardStylesheet(tree);
  return { xslt: Buffer.from(bytes).toString('utf8'), assertionsByRule: stylesheetRules(tree) };
}
