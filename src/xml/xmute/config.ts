/**
 * How a suite declares its self-test: the file its suite.yaml names under `selftest` lists the sample
 * documents that carry `<?xmute?>` declarations, maps the rule-set prefixes the declarations
 * use (`xrubl:BR-DE-1`) to the suite's checks, names the checks that decide `schema-valid`,
 * and lists declarations documented not to hold, each with the reason. The rules of a prefix
 * are the requirements its checks verify: a rule is a requirement of the standard.
 */
import { dirname } from 'node:path';
import { ERROR_CODES, KonformError } from '../../model/errors.js';
import type { Suite } from '../../model/types.js';
import { checkAgainstSchema } from '../../core/schema-check.js';
import { readYamlFile } from '../../core/yaml-source.js';

export interface ExpectedToFail {
  /** Glob of sample files, relative to the self-test folder. */
  files: string;
  /** Regular expression the declaration's description must match, when given. */
  description?: string;
  /** Regular expression one of the rules the declaration names must match, when given. */
  rules?: string;
  reason: string;
}

/** The checks a prefix names and the rules they can report. */
export interface RuleSet {
  checks: string[];
  rules: ReadonlySet<string>;
}

export interface SelftestConfig {
  /** The self-test folder; `files` are relative to it. */
  dir: string;
  file: string;
  files: string[];
  prefixes: Record<string, RuleSet>;
  schema: string[];
  expectedToFail: ExpectedToFail[];
}

const CHECK_IDS = { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } };

export const SELFTEST_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['files', 'prefixes'],
  properties: {
    files: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
    prefixes: { type: 'object', additionalProperties: CHECK_IDS },
    schema: CHECK_IDS,
    expectedToFail: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['files', 'reason'],
        properties: {
          files: { type: 'string', minLength: 1 },
          description: { type: 'string', format: 'regex' },
          rules: { type: 'string', format: 'regex' },
          reason: { type: 'string', minLength: 1 },
        },
      },
    },
  },
} as const;

export async function loadSelftestConfig(suite: Suite): Promise<SelftestConfig> {
  const file = suite.selftest;
  if (!file) throw new KonformError(ERROR_CODES.USAGE, `suite ${suite.id} declares no self-test (no "selftest" in ${suite.file})`);
  const dir = dirname(file);
  const source = await readYamlFile(file, ERROR_CODES.SUITE_INVALID, ERROR_CODES.SUITE_INVALID);
  checkAgainstSchema('selftest', source, ERROR_CODES.SUITE_INVALID, `self-test of suite ${suite.id}`);
  const raw = source.data as Omit<SelftestConfig, 'dir' | 'file' | 'prefixes'> & { prefixes: Record<string, string[]> };
  const verifies = new Map(suite.classes.flatMap((cls) => cls.checks.map((check): [string, string[]] => [check.id, check.verifies])));
  const named: Array<[string, string]> = [
    ...Object.entries(raw.prefixes).flatMap(([prefix, ids]) => ids.map((id, index): [string, string] => [`/prefixes/${prefix}/${index}`, id])),
    ...(raw.schema ?? []).map((id, index): [string, string] => [`/schema/${index}`, id]),
  ];
  for (const [pointer, id] of named) {
    if (!verifies.has(id)) throw new KonformError(ERROR_CODES.SUITE_INVALID, `suite ${suite.id} has no check "${id}"`, source.locate(pointer));
  }
  const prefixes = Object.fromEntries(
    Object.entries(raw.prefixes).map(([prefix, checks]) => [prefix, { checks, rules: new Set(checks.flatMap((id) => verifies.get(id) ?? [])) }]),
  );
  return { dir, file, files: raw.files, prefixes, schema: raw.schema ?? [], expectedToFail: raw.expectedToFail ?? [] };
}
