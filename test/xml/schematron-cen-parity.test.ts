/**
 * konform's compiler against the CEN EN 16931 validation artefacts: on every UBL and CII
 * document of the fixtures (official test suite, KoSIT and XRechnung unit instances, CEN
 * examples, and each test document of CEN's unit test sets) konform's stylesheet fires the same
 * assertions at the same locations as CEN's own precompiled XSLT (ISO skeleton, the stylesheet
 * KoSIT runs); and on CEN's unit tests it gives the outcome each test declares.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XmlC14NMode, XmlElement } from 'libxml2-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseXml } from '../../src/xml/parse.js';
import { compileSchematron } from '../../src/xml/schematron/compile.js';
import type { SvrlResult } from '../../src/xml/schematron/engine.js';
import { saxonEngine } from '../../src/xml/schematron/saxon.js';
import { examinedAssertions, type AssertionsByRule } from '../../src/xml/schematron/fired-rules.js';
import { stylesheetOf, type Stylesheet } from '../../src/xml/schematron/stylesheet.js';
import { assertionsOf, fired, scratchFolder, type Scratch } from './schematron-support.js';
import { XRECHNUNG_INSTANCES as INSTANCES } from '../../fixtures/xrechnung/instances.js';
import { STANDARDS } from './xsd-support.js';

const STANDARD = join(STANDARDS, 'xrechnung', '3.0');
const VEFA = 'http://difi.no/xsd/vefa/validator/1.0';
const read = (path: string) => readFile(join(STANDARD, path));

const BINDINGS = {
  ubl: { namespaces: /urn:oasis:names:specification:ubl:schema:xsd:(Invoice|CreditNote)-2/, unitTests: /(Invoice|CreditNote)-unit-UBL/ },
  cii: { namespaces: /urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100/, unitTests: /unit-tests\/cii\// },
};
type Binding = keyof typeof BINDINGS;

/** A test of a CEN unit test set: its document, and the rule outcomes it declares. */
interface UnitTest {
  file: string;
  expected: Array<{ rule: string; outcome: 'success' | 'error' | 'warning' }>;
}

let scratch: Scratch;
beforeAll(async () => {
  scratch = await scratchFolder();
});
afterAll(() => scratch.remove());

const elementChildren = (element: XmlElement): XmlElement[] => {
  const children: XmlElement[] = [];
  for (let child = element.firstChild; child; child = child.next) if (child instanceof XmlElement) children.push(child);
  return children;
};

/** Each `<test>` of a VEFA test set as a document of its own, written to the scratch folder. */
async function unitTests(set: string): Promise<UnitTest[]> {
  const parsed = parseXml(await readFile(set), set);
  if (!parsed.document) throw new Error(`${set} is not XML`);
  try {
    const tests = elementChildren(parsed.document.root).filter((element) => element.name === 'test' && element.namespaceUri === VEFA);
    return await Promise.all(
      tests.map(async (test, index) => {
        const [assert, document] = [elementChildren(test).find((child) => child.name === 'assert'), elementChildren(test).find((child) => child.name !== 'assert')];
        const expected = elementChildren(assert as XmlElement)
          .filter((child) => ['success', 'error', 'warning'].includes(child.name))
          .map((child) => ({ rule: child.content.trim(), outcome: child.name as UnitTest['expected'][number]['outcome'] }));
        const text = (document as XmlElement).canonicalizeToString({ mode: XmlC14NMode.XML_C14N_EXCLUSIVE_1_0 });
        const [file] = await scratch.write({ [`${set.split('/').slice(-2).join('-')}-${index + 1}.xml`]: text });
        return { file: file as string, expected };
      }),
    );
  } finally {
    parsed.document.dispose();
  }
}

async function documentsOf(binding: Binding): Promise<{ files: string[]; tests: UnitTest[] }> {
  const entries = (await readdir(INSTANCES, { recursive: true })).filter((entry) => /\.xml$/i.test(entry)).sort().map((entry) => join(INSTANCES, entry));
  const files: string[] = [];
  const tests: UnitTest[] = [];
  for (const file of entries) {
    if (file.includes('cen-en16931-unit-tests')) {
      if (BINDINGS[binding].unitTests.test(file)) tests.push(...(await unitTests(file)));
    } else if (BINDINGS[binding].namespaces.test((await readFile(file)).subarray(0, 4096).toString('utf8'))) files.push(file);
  }
  return { files: [...files, ...tests.map((test) => test.file)], tests };
}

/** One stylesheet's SVRL of every document, and the IDs of the assertions of each of its rules. */
interface Evaluation {
  svrl: Map<string, SvrlResult>;
  assertionsByRule: AssertionsByRule;
}

const results: Partial<Record<Binding, { files: string[]; tests: UnitTest[]; ours: Map<string, SvrlResult>; cens: Map<string, SvrlResult>; evaluations: [Evaluation, Evaluation] }>> = {};

async function evaluated(binding: Binding) {
  if (results[binding]) return results[binding];
  const base = `schematron/en16931-cen-1.3.15/${binding}`;
  const { files, tests } = await documentsOf(binding);
  const engine = saxonEngine();
  const evaluate = async ({ xslt, assertionsByRule }: Stylesheet): Promise<Evaluation> => ({ svrl: await engine.validateBatch(xslt, files), assertionsByRule });
  const evaluations = await Promise.all([
    compileSchematron(`${base}/schematron/EN16931-${binding.toUpperCase()}-validation.sch`, read).then(evaluate),
    stylesheetOf({ xslt: `${base}/xslt/EN16931-${binding.toUpperCase()}-validation.xslt` }, read).then(evaluate),
  ]);
  return (results[binding] = { files, tests, ours: evaluations[0].svrl, cens: evaluations[1].svrl, evaluations });
}

/** The IDs of the assertions whose rule fired on the file, sorted. */
function examined({ svrl, assertionsByRule }: Evaluation, file: string): string[] {
  const result = svrl.get(file);
  if (!result?.ok) throw new Error(`no SVRL for ${file}`);
  return [...examinedAssertions(result.firedRules, assertionsByRule)].sort();
}

describe('CEN EN 16931 Schematron compiled by konform', () => {
  for (const binding of ['ubl', 'cii'] as const) {
    it(`fires what CEN's precompiled XSLT fires, where it fires (${binding.toUpperCase()})`, async () => {
      const { files, ours, cens } = await evaluated(binding);
      let compared = 0;
      for (const file of files) {
        const [mine, theirs] = [ours.get(file), cens.get(file)];
        expect(mine?.ok, file).toBe(theirs?.ok);
        if (!mine?.ok) continue;
        expect(fired(mine), file).toEqual(fired(theirs));
        compared += fired(mine).length;
      }
      expect(files.length).toBeGreaterThan(binding === 'ubl' ? 400 : 100);
      expect(compared).toBeGreaterThan(binding === 'ubl' ? 5000 : 100);
    });

    it(`examines the assertions CEN's precompiled XSLT examines, and no others (${binding.toUpperCase()})`, async () => {
      const { files, ours, evaluations } = await evaluated(binding);
      const everyAssertion = new Set([...evaluations[0].assertionsByRule.values()].flat());
      let partly = 0;
      for (const file of files.filter((candidate) => ours.get(candidate)?.ok)) {
        const mine = examined(evaluations[0], file);
        expect(mine, file).toEqual(examined(evaluations[1], file));
        expect(mine.length, file).toBeGreaterThan(0);
        for (const assertion of assertionsOf(ours.get(file))) if (assertion.id !== undefined) expect(mine, file).toContain(assertion.id);
        if (mine.length < everyAssertion.size) partly += 1;
      }
      // Most documents leave some rules unexamined (no allowances, say); each examines some.
      expect(partly).toBeGreaterThan(files.length / 2);
    });

    it(`gives the outcome every CEN unit test declares (${binding.toUpperCase()})`, async () => {
      const { tests, ours } = await evaluated(binding);
      const failures: string[] = [];
      for (const test of tests) {
        const assertions = assertionsOf(ours.get(test.file));
        for (const { rule, outcome } of test.expected) {
          const flags = assertions.filter((assertion) => assertion.id === rule).map((assertion) => assertion.flag);
          const holds = outcome === 'success' ? flags.length === 0 : flags.includes(outcome === 'error' ? 'fatal' : 'warning');
          if (!holds) failures.push(`${test.file}: ${rule} expected ${outcome}, fired ${JSON.stringify(flags)}`);
        }
      }
      expect(tests.length).toBeGreaterThan(binding === 'ubl' ? 500 : 2);
      expect(failures).toEqual([]);
    });
  }
});
