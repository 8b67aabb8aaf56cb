/**
 * The XBau 2.6 catalogue has one requirement per Schematron assert (ID = the assert's id, text
 * = its message), and the xbau-2.6 suite verifies each of them with the check that runs its file.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadStandard } from '../../src/core/load-standard.js';
import { collapseWhitespace } from '../../src/xml/element-queries.js';
import { parseElementTree, type XmlElement } from '../../src/xml/element-tree.js';

const SCH = 'http://purl.oclc.org/dsdl/schematron';
const STANDARD = 'standards/xbau/2.6';

function asserts(file: string): Array<{ id: string; text: string }> {
  const found: Array<{ id: string; text: string }> = [];
  const visit = (element: XmlElement) => {
    if (element.namespace === SCH && (element.local === 'assert' || element.local === 'report')) {
      found.push({ id: element.attributes.id ?? '', text: collapseWhitespace(element.text) });
    }
    element.children.forEach(visit);
  };
  visit(parseElementTree(readFileSync(`${STANDARD}/${file}`, 'utf8')).root);
  return found;
}

describe('XBau 2.6 Schematron requirements', () => {
  const files = ['schematron/xbau-schematron.sch', 'schematron/xbau-schematron-leere-elemente.sch'];

  it('has one MUST requirement per assert, with its message as text', async () => {
    const standard = await loadStandard(STANDARD);
    const rules = standard.requirements.filter((requirement) => requirement.class === 'rules');
    const expected = files.flatMap(asserts);
    expect(expected.length).toBe(19);
    expect(rules.map((rule) => ({ id: rule.id, text: collapseWhitespace(rule.text), level: rule.level }))).toEqual(
      expected.map((assertion) => ({ ...assertion, level: 'MUST' })),
    );
  });

  it('is verified by the Schematron check that runs the file of each assert', () => {
    const suite = parse(readFileSync('suites/xbau-2.6/suite.yaml', 'utf8')) as {
      classes: Array<{ checks: Array<{ kind: string; verifies: string[]; options: { schematron?: string } }> }>;
    };
    const checks = suite.classes.flatMap((cls) => cls.checks).filter((check) => check.kind === 'xml.schematron');
    for (const file of files) {
      expect(checks.find((check) => check.options.schematron === file)?.verifies).toEqual(asserts(file).map((assertion) => assertion.id));
    }
  });
});
