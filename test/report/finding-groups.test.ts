import { describe, expect, it } from 'vitest';
import { groupFindings, sectionOf } from '../../src/report/finding-groups.js';
import { messagePattern } from '../../src/report/message-pattern.js';
import { indexRequirements, requirementEntries } from '../../src/report/requirement-entries.js';
import type { CheckResult } from '../../src/model/report.js';
import type { Finding } from '../../src/model/types.js';
import { sampleReport } from '../helpers/sample-report.js';
import { withShouldAndMayFailures } from './level-failures-report.js';
import { withRepeatedDefect } from './repeated-defect-report.js';

describe('messagePattern', () => {
  it('replaces URLs and numbers, the parts that vary between occurrences of one defect', () => {
    expect(messagePattern('http://h:8/a/1 at /data/12/id: oparl:Paper the property "name" is missing')).toBe('… at /data/…/id: oparl:Paper the property "name" is missing');
    expect(messagePattern('a URL of no object is answered 500, not 404')).toBe('a URL of no object is answered …, not …');
    expect(messagePattern('[BR-DE-15] Buyer reference must be given (BT-10), UTF-8')).toBe('[BR-DE-15] Buyer reference must be given (BT-10), UTF-8');
  });
});

describe('groupFindings', () => {
  it('makes the same defect on 300 objects one group of 300 findings on 300 URLs, and a different defect another', () => {
    const { must } = groupFindings(withRepeatedDefect(300));
    const [largest, ...others] = must;
    expect(largest).toMatchObject({ check: 'status-documented', code: 'schema-violation', rule: 'OPARL-BODY-1', placeKind: 'url' });
    expect(largest!.pattern).toBe('… at /data/…/name: oparl:Paper the property "name" is missing');
    expect(largest!.members).toHaveLength(300);
    expect(largest!.places.size).toBe(300);
    expect(others.map((group) => [group.code, group.members.length])).toEqual([
      ['status-undocumented', 1],
      ['schema-violation', 1],
      ['schema-violation', 1],
    ]);
  });

  it('keeps every finding: the groups together hold each finding of the report once', () => {
    const report = withRepeatedDefect(50);
    const groups = Object.values(groupFindings(report)).flat();
    const grouped = groups.flatMap((group) => group.members.flatMap((member) => (member.finding ? [member.finding] : [])));
    const all = report.results.flatMap((result) => result.findings);
    expect(grouped).toHaveLength(all.length);
    expect(new Set(grouped)).toEqual(new Set(all));
  });

  it('sorts findings by what they decide: a failed MUST, a warning, cantTell, a note', () => {
    const report = withShouldAndMayFailures();
    const sections = groupFindings(report);
    const checksOf = (section: keyof typeof sections) => [...new Set(sections[section].map((group) => group.check))];
    expect(checksOf('must')).toEqual(['status-documented']);
    expect(checksOf('warning')).toEqual(['naming', 'hints']);
    expect(checksOf('cantTell')).toEqual(['response-schema']);
    expect(checksOf('note')).toEqual(['pagination']);
  });

  it('shows a failed or cantTell result that says nothing of why as a group of its own', () => {
    const report = sampleReport();
    const silent = (id: string, outcome: CheckResult['outcome'], findings: Finding[]): CheckResult => ({ ...report.results[1]!, id, outcome, findings });
    report.results = [
      silent('a', 'failed', [{ code: 'cases-examined', message: '3 cases', severity: 'info' }]),
      silent('b', 'cantTell', []),
    ];
    const sections = groupFindings(report);
    expect(sections.must.map((group) => [group.code, group.members.map((member) => member.result.id)])).toEqual([[undefined, ['a']]]);
    expect(sections.note.map((group) => group.code)).toEqual(['cases-examined']);
    expect(sections.cantTell.map((group) => [group.code, group.members.map((member) => member.result.id)])).toEqual([[undefined, ['b']]]);
  });

  it('puts a finding in the section its result and severity give it', () => {
    const [, failed, cantTell, inapplicable] = sampleReport().results;
    const finding = (extra: Partial<Finding>): Finding => ({ code: 'x', message: 'x', ...extra });
    expect(sectionOf(failed!, finding({ severity: 'error' }))).toBe('must');
    expect(sectionOf(failed!, finding({ severity: 'warning' }))).toBe('warning');
    expect(sectionOf(failed!, finding({ severity: 'error', undecided: true }))).toBe('cantTell');
    expect(sectionOf(failed!, finding({ severity: 'info' }))).toBe('note');
    expect(sectionOf({ ...failed!, severity: 'info' }, finding({ severity: 'info' }))).toBe('warning');
    expect(sectionOf(cantTell!, finding({}))).toBe('cantTell');
    expect(sectionOf(inapplicable!, finding({}))).toBe('note');
  });
});

describe('requirementEntries', () => {
  it('gathers the groups by the requirement their findings name, or the failed requirements of their check, in the order of the table', () => {
    const report = withRepeatedDefect(4);
    const entries = requirementEntries(groupFindings(report).must, indexRequirements(report));
    expect(entries.map((entry) => [entry.requirements.map((ref) => ref.id), entry.findings, entry.places])).toEqual([
      // status-undocumented names no rule: it bears on the failed requirements of its check.
      [['OPARL-HTTP-2', 'OPARL-BODY-1'], 1, 1],
      // The schema violations: four objects missing a name, one of them a date too, and the sample's own.
      [['OPARL-BODY-1'], 6, 5],
    ]);
    expect(entries[1]!.requirements[0]!.requirement?.text).toBe('Requirement OPARL-BODY-1 | with a pipe');
  });
});
