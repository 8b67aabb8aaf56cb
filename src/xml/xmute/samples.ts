/**
 * The declarations of a suite's self-test: every sample document the configuration names, in
 * path order, each declaration with its mutated documents and, where the suite documents
 * that it does not hold, the reason.
 */
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { glob } from 'tinyglobby';
import { ERROR_CODES, KonformError } from '../../model/errors.js';
import { blocksCheck } from '../../judge/judgement.js';
import { parseXml } from '../parse.js';
import type { ExpectedToFail, SelftestConfig } from './config.js';
import { expandSample, type SampleDeclaration } from './expand.js';

export interface PlannedDeclaration extends SampleDeclaration {
  /** Path of the sample relative to the self-test folder. */
  samplePath: string;
  /** Why the declaration is documented not to hold, when it is. */
  expectedToFail?: string;
}

/** The entries of `expectedToFail` with the sample paths their globs match. */
async function documentedFailures(config: SelftestConfig): Promise<Array<ExpectedToFail & { paths: Set<string> }>> {
  return Promise.all(config.expectedToFail.map(async (entry) => ({ ...entry, paths: new Set(await glob(entry.files, { cwd: config.dir, onlyFiles: true })) })));
}

/** Whether an `expectedToFail` entry names the declaration: its file, description and rules. */
function documents(entry: ExpectedToFail & { paths: Set<string> }, samplePath: string, declaration: SampleDeclaration): boolean {
  const matches = (pattern: string | undefined, values: string[]) => pattern === undefined || values.some((value) => new RegExp(pattern).test(value));
  const rules = declaration.data?.rules.map((expectation) => expectation.rule) ?? [];
  return entry.paths.has(samplePath) && matches(entry.description, [declaration.data?.description ?? '']) && matches(entry.rules, rules);
}

/**
 * The text of a sample, which must be well-formed (a mutation of a broken document would
 * prove nothing) and UTF-8, the encoding konform writes the mutated documents in.
 */
function sampleText(bytes: Buffer, file: string): string {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const declared = /^(?:\u00EF\u00BB\u00BF)?<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/.exec(bytes.subarray(0, 200).toString('latin1'))?.[1];
  if (utf16 || (declared && !/^utf-?8$/i.test(declared))) {
    throw new KonformError(ERROR_CODES.SUITE_INVALID, `self-test samples must be UTF-8, not ${declared ?? 'UTF-16'}`, { file });
  }
  const parsed = parseXml(bytes, file);
  parsed.document?.dispose();
  const problem = parsed.findings.find(blocksCheck);
  if (problem) throw new KonformError(ERROR_CODES.SUITE_INVALID, `self-test sample is not well-formed XML: ${problem.message}`, { file, line: problem.location?.line });
  return bytes.toString('utf8');
}

export async function planDeclarations(config: SelftestConfig): Promise<PlannedDeclaration[]> {
  const files = (await glob(config.files, { cwd: config.dir, absolute: true, onlyFiles: true })).sort();
  const documented = await documentedFailures(config);
  const planned: PlannedDeclaration[] = [];
  for (const file of files) {
    const text = sampleText(await readFile(file), file);
    const samplePath = relative(config.dir, file).split('\\').join('/');
    for (const declaration of expandSample(file, text)) {
      const expectedToFail = documented.find((entry) => documents(entry, samplePath, declaration))?.reason;
      planned.push({ ...declaration, samplePath, ...(expectedToFail ? { expectedToFail } : {}) });
    }
  }
  return planned;
}
