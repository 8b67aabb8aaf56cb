/**
 * The data of an `<?xmute …?>` processing instruction, read as KoSIT's xml-mutate reads it
 * (its grammar Mutation.g4 and doc/spec.md "XMute Instructions"): white space normalised,
 * `mutator="…"` first, then `key="value"` items and the keywords `schema-valid`,
 * `schema-invalid`, `schematron-valid="prefix:RULE …"`, `schematron-invalid="…"` and
 * `schematron-valid-all` / `-none` (also `…="all"` / `="none"`). Keys are case-insensitive;
 * a key given twice (`attribute`) keeps both values.
 */

export type Expect = 'valid' | 'invalid';

export interface RuleExpectation {
  /** Symbolic name of the rule set (`xrubl`, `cencii`, …); none means every rule set. */
  prefix?: string;
  rule: string;
  expect: Expect;
}

export interface DeclarationData {
  mutator: string;
  id?: string;
  description?: string;
  /** The mutator's parameters (`values`, `attribute`, `separator`, …), keys in lower case. */
  params: Record<string, string[]>;
  rules: RuleExpectation[];
  schema?: Expect;
  /** `schematron-valid-all` and the like: an expectation about every rule at once. */
  entirety?: { scope: 'all' | 'none'; expect: Expect };
}

/** Java's StringUtils.normalizeSpace, which xml-mutate applies to the data first. */
export function normalizeSpace(data: string): string {
  return data.replace(/[\s\u00a0]+/g, ' ').trim();
}

const ITEM = /([A-Za-z_][\w.-]*)(?![\w.-])(?:\s*=\s*("(?:[^"\\]|\\.)*"|[A-Za-z_][\w.-]*)|(?!\s*=))\s*/y;

function unquote(value: string): string {
  return value.startsWith('"') ? value.slice(1, -1).replace(/\\(["\\])/g, '$1') : value;
}

function ruleList(value: string, expect: Expect): RuleExpectation[] {
  return value
    .split(/[\s,]+/)
    .filter((item) => item !== '')
    .map((item) => {
      const colon = item.indexOf(':');
      return colon === -1 ? { rule: item, expect } : { prefix: item.slice(0, colon), rule: item.slice(colon + 1), expect };
    });
}

/** Parses the data; throws with a message naming what is wrong. */
export function parseDeclarationData(data: string): DeclarationData {
  const text = normalizeSpace(data);
  const declaration: DeclarationData = { mutator: '', params: {}, rules: [] };
  ITEM.lastIndex = 0;
  while (ITEM.lastIndex < text.length) {
    const at = ITEM.lastIndex;
    const match = ITEM.exec(text);
    if (!match) throw new Error(`cannot read "${text.slice(at)}"`);
    const key = (match[1] as string).toLowerCase();
    const value = match[2] === undefined ? undefined : unquote(match[2]);
    if (at === 0 && key !== 'mutator') throw new Error('the declaration must start with mutator="…"');
    const keyword = /^(schema|schematron)-(valid|invalid)(?:-(all|none))?$/.exec(key);
    if (keyword) {
      const expect = keyword[2] as Expect;
      const scope = keyword[3] ?? (value === 'all' || value === 'none' ? value : undefined);
      if (keyword[1] === 'schema') declaration.schema = expect;
      else if (scope) declaration.entirety = { scope: scope as 'all' | 'none', expect };
      else if (value === undefined || ruleList(value, expect).length === 0) throw new Error(`${key} needs a list of rules`);
      else declaration.rules.push(...ruleList(value, expect));
      continue;
    }
    if (value === undefined) throw new Error(`${key} needs a value`);
    if (key === 'mutator') declaration.mutator = value.replace(/\s/g, '');
    else if (key === 'id') declaration.id = value;
    else if (key === 'description') declaration.description = value;
    else (declaration.params[key] ??= []).push(value);
  }
  if (!declaration.mutator) throw new Error('the declaration names no mutator');
  return declaration;
}
