/**
 * `konform suite lint` beyond loading: a check may list only the rules its kind can decide
 * (BR-DE-1, an XRechnung rule, listed on the CEN Schematron check would be passed by a check
 * that never evaluates it), and what a check refers to must load. Every problem is reported.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintError, lintSuite } from '../../src/run/lint-suite.js';
import { loadSuite } from '../../src/run/load-suite.js';
import { pinStandard } from '../../src/core/pin-standard.js';
import { suiteWorkspace, type SuiteWorkspace } from '../helpers/suite-workspace.js';

let workspace: SuiteWorkspace;
beforeAll(async () => {
  workspace = await suiteWorkspace('xrechnung-3.0', 'xrechnung/3.0');
});
afterAll(() => workspace.remove());

const lintOf = async (file = workspace.suiteFile) => {
  const { suite, standard } = await loadSuite(file);
  return lintSuite(suite, standard);
};

describe('lintSuite', () => {
  it('finds nothing wrong with the shipped xrechnung-3.0 suite: each Schematron check lists its own rules', async () => {
    expect(await lintOf()).toEqual([]);
  });

  it('names every rule listed on a Schematron check that has no assertion of it, and a Schematron that does not load', async () => {
    await workspace.edit(workspace.suiteFile, (text) =>
      text
        .replace(/(id: cen-ubl\n(?:.*\n){3}\s+verifies:\n\s+\[)/, '$1BR-DE-1, BR-DE-2, ')
        .replaceAll('schematron: schematron/xrechnung-2.5.0/', 'schematron: schematron/xrechnung-2.5.9/'),
    );
    const problems = await lintOf();
    expect(problems.map(({ check, message, location }) => [check, message, location.line])).toEqual([
      ['cen-ubl', 'verifies BR-DE-1, which a xml.schematron check with these options cannot decide', 64],
      ['cen-ubl', 'verifies BR-DE-2, which a xml.schematron check with these options cannot decide', 64],
      ['xrechnung-ubl', expect.stringContaining('is not an artifact of xrechnung 3.0'), expect.any(Number)],
      ['xrechnung-cii', expect.stringContaining('is not an artifact of xrechnung 3.0'), expect.any(Number)],
    ]);
    expect(lintError(problems).message).toMatch(/^4 problem\(s\):\n {2}\S+suite\.yaml:64:\d+: check "cen-ubl" verifies BR-DE-1/);
  });

  it('names a rule a Schematron check decides by name, listed on a check that judges as a whole (XML Schema)', async () => {
    await workspace.edit(workspace.suiteFile, (text) =>
      text
        .replaceAll('schematron: schematron/xrechnung-2.5.9/', 'schematron: schematron/xrechnung-2.5.0/')
        .replace(/(id: xsd-ubl-invoice\n(?:.*\n)*?\s+verifies:\s*\[)/, '$1BR-DE-24-a, '),
    );
    const problems = await lintOf();
    expect(problems.map(({ check, message }) => [check, message])).toContainEqual([
      'xsd-ubl-invoice',
      'verifies BR-DE-24-a, which check xrechnung-ubl decides by the findings that name it; a xml.xsd check judges its rules as a whole and cannot',
    ]);
  });
});

describe('lintSuite on severities', () => {
  let oparl: SuiteWorkspace;
  beforeAll(async () => {
    oparl = await suiteWorkspace('oparl-1.1', 'oparl/1.1');
  });
  afterAll(() => oparl.remove());

  it('names a check whose severity would fail it as a MUST while its rules are SHOULD', async () => {
    expect(await lintOf(oparl.suiteFile)).toEqual([]);
    await oparl.edit(oparl.suiteFile, (text) => text.replace(/(id: https\n(?:.*\n){2})\s+severity: warning\n/, '$1'));
    const problems = await lintOf(oparl.suiteFile);
    expect(problems.map(({ check, message }) => [check, message])).toEqual([
      ['https', 'has severity error, which fails it as a MUST, but the rules it verifies are SHOULD at most: give it severity warning'],
    ]);
  });
});

describe('lintSuite on what XML checks refer to', () => {
  let xdomea: SuiteWorkspace;
  beforeAll(async () => {
    xdomea = await suiteWorkspace('xdomea-3.0', 'xdomea/3.0.0');
  });
  afterAll(() => xdomea.remove());

  it('finds nothing wrong with the shipped XÖV suites', async () => {
    for (const suite of ['xdomea-3.0', 'xwasser-1.0', 'xbau-2.6']) expect(await lintOf(suite), suite).toEqual([]);
  });

  it('names a schema path that does not compile, a code-list folder without lists, and a truncated code list', async () => {
    const list = join(xdomea.standardDir, 'codelists', '0601.SpezifischeFehlermeldung_1.0.xml');
    await writeFile(list, (await readFile(list, 'utf8')).slice(0, 2000));
    await pinStandard(xdomea.standardDir, { write: true });
    await xdomea.edit(xdomea.suiteFile, (text) =>
      text.replace('schema: xsd/xdomea_3.0.0/xdomea.xsd', 'schema: xsd/xdomea_3.0.0/xdomeaa.xsd').replace('options: { codelists: codelists, schemas: xsd }', 'options: { codelists: codelist, schemas: xsd }'),
    );
    const problems = await lintOf(xdomea.suiteFile);
    expect(problems.map(({ check, message, location }) => [check, message, location.pointer])).toEqual([
      ['xsd', expect.stringMatching(/^the XML Schema does not compile: .*xdomeaa\.xsd/), '/classes/1/checks/0/options/schema'],
      ['codelists', 'no code list of xdomea 3.0.0 lies under codelist', '/classes/2/checks/0/options/codelists'],
      ['message-header', expect.stringMatching(/^codelists\/0601\.SpezifischeFehlermeldung_1\.0\.xml is not well-formed XML/), '/classes/3/checks/0/options/codelists'],
    ]);
  });
});
