/**
 * The Genericode code lists a standard pins (its `codelists/` artifacts), indexed by listURI and
 * listVersionID. The index reads only each file's Identification; a list's rows are parsed the
 * first time a message uses it. Both happen once per run, through the hash-verifying artifact
 * reader. A file that is not a Genericode code list is a defect of the standard and throws.
 */
import type { CheckContext } from '../checks/types.js';
import { artifactsUnder, folderPrefix } from '../core/artifacts-under.js';
import { parseGenericode, type CodeList } from './genericode.js';

export interface CodeListIndex {
  /** The versions konform has of the list; undefined when it has none. */
  versions(uri: string): readonly string[] | undefined;
  /** The list in that version; undefined when konform does not have it. */
  load(uri: string, version: string): Promise<CodeList | undefined>;
}

/** Genericode's Identification children are unqualified, so they are written without prefix. */
const IDENTIFICATION = /<Identification\b[^>]*>([\s\S]*?)<\/Identification\s*>/;
const field = (block: string, name: string) => new RegExp(`<${name}\\b[^>]*>\\s*([^<]*?)\\s*</${name}\\s*>`).exec(block)?.[1];

async function buildIndex(context: CheckContext, folder: string): Promise<CodeListIndex> {
  const where = `${context.standard.id} ${context.standard.version}`;
  const paths = artifactsUnder(context.standard, folder, '.xml');
  const files = new Map<string, Map<string, string>>();
  for (const path of paths) {
    const block = IDENTIFICATION.exec((await context.artifact(path)).toString('utf8'))?.[1] ?? '';
    const uri = field(block, 'CanonicalUri');
    const version = field(block, 'Version');
    if (!uri || !version) throw new Error(`${where}: ${path} has no Identification/CanonicalUri and Version`);
    files.set(uri, (files.get(uri) ?? new Map<string, string>()).set(version, path));
  }
  const load = async (uri: string, version: string) => {
    const path = files.get(uri)?.get(version);
    if (!path) return undefined;
    return context.memo(`xoev:codelist:${context.standard.dir}:${path}`, async () => {
      const list = parseGenericode((await context.artifact(path)).toString('utf8'));
      if (list.uri !== uri || list.version !== version) throw new Error(`${where}: ${path} identifies itself inconsistently`);
      return list;
    });
  };
  return { versions: (uri) => (files.has(uri) ? [...(files.get(uri) as Map<string, string>).keys()] : undefined), load };
}

/** The index of the code lists under `folder` of the run's standard, built on first use. */
export function codeListIndex(context: CheckContext, folder: string): Promise<CodeListIndex> {
  return context.memo(`xoev:codelists:${context.standard.dir}:${folderPrefix(folder)}`, () => buildIndex(context, folder));
}
