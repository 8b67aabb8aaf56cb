/**
 * `suite lint` for the XML kinds that refer to a standard's schemas and code lists: what they
 * refer to must load, as a run would load it — the XML Schema compiles (with its catalog), a
 * code-list folder holds code lists, and each is a well-formed, complete Genericode list.
 */
import { artifactsUnder } from '../../core/artifacts-under.js';
import { artifactReader } from '../../core/artifact-read.js';
import { isKonformError } from '../../model/errors.js';
import type { Standard } from '../../model/types.js';
import type { StandardSchema } from '../../xml/xsd-standard.js';
import type { KindLint } from '../types.js';

type Problem = KindLint['problems'][number];

const describe = (error: unknown): string => (isKonformError(error) ? error.describe() : error instanceof Error ? error.message : String(error));

export async function lintSchema(options: StandardSchema, standard: Standard): Promise<KindLint> {
  const { compileStandardXsd } = await import('../../xml/xsd-standard.js');
  try {
    compileStandardXsd(standard, options).dispose();
    return { problems: [] };
  } catch (error) {
    return { problems: [{ option: 'schema', message: `the XML Schema does not compile: ${describe(error)}` }] };
  }
}

async function codeListProblem(standard: Standard, path: string): Promise<string | undefined> {
  const [{ parseXml }, { parseGenericode }] = await Promise.all([import('../../xml/parse.js'), import('../../xml/genericode.js')]);
  try {
    const bytes = await artifactReader(standard)(path);
    const parsed = parseXml(bytes, path);
    if (!parsed.document) return `${path} is not well-formed XML: ${parsed.findings[0]?.message ?? 'no document'}`;
    parsed.document.dispose();
    parseGenericode(bytes.toString('utf8'));
    return undefined;
  } catch (error) {
    return `${path}: ${describe(error)}`;
  }
}

/** The lint of a kind that judges code elements: the lists and schemas load; it decides `rules`, the rules its findings name. */
export function lintCodeLists(rules: readonly string[]): (options: { codelists: string; schemas: string }, standard: Standard) => Promise<KindLint> {
  return async (options, standard) => {
    const where = `${standard.id} ${standard.version}`;
    const problems: Problem[] = [];
    const lists = artifactsUnder(standard, options.codelists, '.xml');
    if (lists.length === 0) problems.push({ option: 'codelists', message: `no code list of ${where} lies under ${options.codelists}` });
    for (const path of lists) {
      const problem = await codeListProblem(standard, path);
      if (problem) problems.push({ option: 'codelists', message: problem });
    }
    if (artifactsUnder(standard, options.schemas, '.xsd').length === 0) {
      problems.push({ option: 'schemas', message: `no XML Schema of ${where} lies under ${options.schemas}` });
    }
    return { problems, decidableRules: new Set(rules) };
  };
}
