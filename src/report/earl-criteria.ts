/**
 * What report.earl.jsonld tests against (earl:TestCriterion, EARL 1.0 §2.5): each requirement
 * of the standard an earl:TestRequirement with its ID, text and clause, made of the checks of
 * the suite that verify it, each an earl:TestCase; the standards and the suite they belong to
 * with their sha256; and konform, the earl:Software that asserts every result (§2.3).
 */
import type { PinnedStandard, Report } from '../model/report.js';
import { sha256Checksum } from './earl-context.js';
import type { EarlNode } from './earl-subjects.js';

export const ASSERTOR = '_:konform';

export interface EarlCriteria {
  nodes(): Generator<EarlNode>;
  /** The node of a requirement, by its index in `report.requirements`. */
  requirement(index: number): string;
  /** The node of a check, by its ID. */
  check(id: string): string;
}

function standardNode(id: string, standard: PinnedStandard): EarlNode {
  return {
    '@id': id, '@type': 'dct:Standard', 'dct:identifier': standard.id, 'dct:title': standard.title,
    'dct:hasVersion': standard.version, 'spdx:checksum': sha256Checksum(standard.manifestSha256),
  };
}

/** A clause given as an absolute URL is the requirement's source; anything else stays text. */
function clauseOf(clause: string): EarlNode {
  return URL.canParse(clause) ? { 'dct:source': clause } : { 'dct:bibliographicCitation': clause };
}

export function earlCriteria(report: Report): EarlCriteria {
  const checkIds = new Map<string, string>();
  const titles = new Map(report.checks.map((check) => [check.id, check.title]));
  const add = (id: string): void => {
    if (!checkIds.has(id)) checkIds.set(id, `_:check-${checkIds.size}`);
  };
  // The run's checks, those of other profiles that verify a requirement, and any a result names.
  for (const info of report.checks) add(info.id);
  for (const requirement of report.requirements) for (const id of requirement.checks) add(id);
  for (const result of report.results) add(result.check);
  const check = (id: string): string => checkIds.get(id) as string;
  const referenced = (report.referencedStandards ?? []).map((standard, index) => ({ id: `_:referenced-standard-${index}`, standard }));

  function* nodes(): Generator<EarlNode> {
    const { tool, suite, profile } = report;
    yield { '@id': ASSERTOR, '@type': ['earl:Assertor', 'earl:Software'], 'dct:title': tool.name, 'dct:hasVersion': tool.version };
    yield standardNode('_:standard', report.standard);
    for (const { id, standard } of referenced) yield standardNode(id, standard);
    yield {
      '@id': '_:suite', 'dct:identifier': suite.id, 'dct:title': suite.title, 'dct:hasVersion': suite.version,
      'spdx:checksum': sha256Checksum(suite.sha256),
      'dct:description': `profile ${profile.id} (${profile.title}): classes ${profile.classes.join(', ')}`,
      'dct:references': ['_:standard', ...referenced.map(({ id }) => id)],
    };
    for (const [index, requirement] of report.requirements.entries()) {
      yield {
        '@id': `_:requirement-${index}`, '@type': 'earl:TestRequirement', 'dct:identifier': requirement.id,
        'dct:title': `${requirement.id} (${requirement.level})`, 'dct:description': requirement.text, ...clauseOf(requirement.clause),
        'dct:isPartOf': '_:standard', ...(requirement.checks.length > 0 ? { 'dct:hasPart': requirement.checks.map(check) } : {}),
      };
    }
    for (const [id, node] of checkIds) {
      const title = titles.get(id);
      yield { '@id': node, '@type': 'earl:TestCase', 'dct:identifier': id, ...(title !== undefined ? { 'dct:title': title } : {}), 'dct:isPartOf': '_:suite' };
    }
  }

  return { nodes, requirement: (index) => `_:requirement-${index}`, check };
}
