import { describe, expect, it } from 'vitest';
import { junitChunks } from '../../src/report/junit.js';
import type { Report } from '../../src/model/report.js';
import { incompleteReport, sampleReport } from '../helpers/sample-report.js';
import { withShouldAndMayFailures } from './level-failures-report.js';
import { findAll, parseXml } from './xml-parse.js';

const renderJUnit = (report: Report): string => [...junitChunks(report)].join('');

const HOSTILE = 'a]]>b <tag attr="x"> & \'q\' \u0000nul \u001besc \uD800lone \uDFFFlow \uFFFE \t tab\r\nline 😀';
/** HOSTILE as an XML parser reads it back: forbidden characters replaced, everything else intact. */
const HOSTILE_READ = 'a]]>b <tag attr="x"> & \'q\' \uFFFDnul \uFFFDesc \uFFFDlone \uFFFDlow \uFFFD \t tab\r\nline 😀';

describe('renderJUnit', () => {
  it('renders one testsuite per conformance class with the right totals', () => {
    const root = parseXml(renderJUnit(sampleReport()));
    expect(root.name).toBe('testsuites');
    expect(root.attributes).toMatchObject({
      name: 'oparl-core 1.0.0', tests: '5', failures: '1', errors: '1', skipped: '2', time: '10.500',
    });
    const suites = findAll(root, 'testsuite');
    expect(suites.map((suite) => suite.attributes['name'])).toEqual(['core', 'files']);
    expect(suites[0]!.attributes).toMatchObject({ tests: '4', failures: '1', errors: '1', skipped: '1', time: '10.023' });
    expect(suites[1]!.attributes).toMatchObject({ tests: '1', failures: '0', errors: '0', skipped: '1' });
  });

  it('names each testcase by suite, class and result, with requirement and severity properties', () => {
    const cases = findAll(parseXml(renderJUnit(sampleReport())), 'testcase');
    expect(cases.map((testcase) => testcase.attributes['name'])).toEqual([
      'system-reachable', 'status-documented/GET /bodies', 'response-schema/GET /meetings', 'pagination/GET /system',
      'files-accessible',
    ]);
    const failed = cases[1]!;
    expect(failed.attributes).toMatchObject({ classname: 'oparl-core.core', time: '0.009' });
    const properties = findAll(failed, 'property').map((property) => [property.attributes['name'], property.attributes['value']]);
    expect(properties).toEqual([
      ['requirement', 'OPARL-HTTP-2'], ['requirement', 'OPARL-BODY-1'], ['severity', 'error'],
      ['kind', 'openapi.status-documented'],
    ]);
  });

  it('names only the rules that fired for a check that verifies one requirement per rule', () => {
    const report = sampleReport();
    report.results[1]!.findings[0]!.rule = 'OPARL-HTTP-2';
    report.checks[1]!.requirements = ['OPARL-HTTP-2', 'OPARL-BODY-1', ...Array.from({ length: 500 }, (_, i) => `RULE-${i}`)];
    const failed = findAll(parseXml(renderJUnit(report)), 'testcase')[1]!;
    const requirements = findAll(failed, 'property').filter((property) => property.attributes['name'] === 'requirement');
    expect(requirements.map((property) => property.attributes['value'])).toEqual(['OPARL-HTTP-2', 'OPARL-BODY-1']);
    const passed = findAll(parseXml(renderJUnit({ ...report, results: [{ ...report.results[1]!, outcome: 'passed', findings: [] }] })), 'testcase')[0]!;
    expect(findAll(passed, 'property').filter((property) => property.attributes['name'] === 'requirement')).toEqual([]);
  });

  it('maps outcomes to failure, error, skipped and nothing', () => {
    const cases = findAll(parseXml(renderJUnit(sampleReport())), 'testcase');
    const outcomeElements = cases.map((testcase) => testcase.children.filter((child) => child.name !== 'properties'));
    expect(outcomeElements.map((elements) => elements.map((element) => element.name))).toEqual([
      [], ['failure'], ['error'], ['skipped'], ['skipped'],
    ]);
    const [failure] = outcomeElements[1]!;
    expect(failure!.attributes).toEqual({
      message: 'Status 418 is not documented for GET /bodies (and 1 more)', type: 'status-undocumented',
    });
    expect(failure!.text).toContain('at operation GET /bodies, spec /components/schemas/Body/properties/id/type, body /data/0/id');
    expect(failure!.text).toContain('exchange x2: GET http://127.0.0.1:8080/oparl/v1/bodies → 418');
    const [error] = outcomeElements[2]!;
    expect(error!.text).toContain('GET http://127.0.0.1:8080/oparl/v1/meetings → timeout: no response within 10000 ms');
    expect(outcomeElements[3]![0]!.attributes['message']).toBe('inapplicable: GET /system returns no list');
    expect(outcomeElements[4]![0]!.attributes['message']).toBe('untested');
  });

  it('makes a <failure> only of a failed MUST: a failed SHOULD or MAY goes to <system-out>, and the totals count MUST failures', () => {
    const root = parseXml(renderJUnit(withShouldAndMayFailures()));
    expect(root.attributes).toMatchObject({ tests: '7', failures: '1', errors: '1' });
    expect(findAll(root, 'testsuite')[0]!.attributes).toMatchObject({ tests: '6', failures: '1' });
    expect(findAll(root, 'failure')).toHaveLength(1);
    const testcases = findAll(root, 'testcase');
    for (const [name, level] of [['naming/GET /bodies', 'SHOULD'], ['hints/GET /bodies', 'MAY']] as const) {
      const testcase = testcases.find((candidate) => candidate.attributes['name'] === name)!;
      expect(testcase.children.map((child) => child.name)).toEqual(['properties', 'system-out']);
      const out = findAll(testcase, 'system-out')[0]!.text;
      expect(out).toContain(`failed (${level}, does not decide the verdict): Status 418 is not documented for GET /bodies (and 1 more)`);
      expect(out).toContain('exchange x2: GET http://127.0.0.1:8080/oparl/v1/bodies → 418');
    }
  });

  it('shows an interrupted run as an error, never as green with skips', () => {
    const root = parseXml(renderJUnit(incompleteReport()));
    expect(root.attributes).toMatchObject({ tests: '6', failures: '0', errors: '2', skipped: '3' });
    const run = findAll(root, 'testcase').find((testcase) => testcase.attributes['name'] === 'run-complete');
    expect(findAll(run!, 'error')[0]!.attributes['message']).toBe('run did not complete: SIGINT');
    expect(findAll(parseXml(renderJUnit(sampleReport())), 'testcase').some((t) => t.attributes['name'] === 'run-complete')).toBe(false);
  });

  it('stays well-formed with hostile strings in attributes and text', () => {
    const report = sampleReport();
    const failed = report.results[1]!;
    failed.id = HOSTILE;
    report.checks[1]!.requirements = [HOSTILE];
    failed.findings[0]!.message = HOSTILE;
    report.exchanges[1]!.request.url = HOSTILE;
    report.suite.id = HOSTILE;
    const xml = renderJUnit(report);
    expect(xml).not.toContain(']]>');
    expect(xml).not.toMatch(/[\u0000\u001b\uFFFE]/);
    const root = parseXml(xml);
    const testcase = findAll(root, 'testcase')[1]!;
    expect(testcase.attributes['name']).toBe(HOSTILE_READ);
    expect(testcase.attributes['classname']).toBe(`${HOSTILE_READ}.core`);
    expect(findAll(testcase, 'property')[0]!.attributes['value']).toBe(HOSTILE_READ);
    const failure = findAll(testcase, 'failure')[0]!;
    expect(failure.attributes['message']).toBe(`${HOSTILE_READ} (and 1 more)`);
    expect(failure.text).toContain(`error status-undocumented: ${HOSTILE_READ}\n`);
    expect(failure.text).toContain(`exchange x2: GET ${HOSTILE_READ} → 418`);
  });

  it('is checked by a parser that does reject malformed XML', () => {
    expect(() => parseXml('<a><b></a>')).toThrow(/mismatched/);
    expect(() => parseXml('<a>x ]]> y</a>')).toThrow(/]]>/);
    expect(() => parseXml('<a t="&#0;"/>')).toThrow(/forbidden/);
    expect(() => parseXml('<a>\u001b</a>')).toThrow(/Char/);
    expect(() => parseXml('<a t="<"/>')).toThrow(/'<'/);
    expect(() => parseXml('<a>&nbsp;</a>')).toThrow(/unknown entity/);
  });
});
