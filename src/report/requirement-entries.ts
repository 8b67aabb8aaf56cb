/**
 * The sections of a report for people, by requirement: each entry is a requirement (or the
 * requirements of a check whose findings name no rule) with the defects found against it. A
 * finding that names its rule bears on that requirement; one that names none on the
 * requirements of its check that came out as its section says (failed, cantTell), else on all
 * of them. Entries follow the order of the requirement table of the standard.
 */
import type { Outcome } from '../model/outcome.js';
import type { Report, RequirementResult } from '../model/report.js';
import type { FindingGroup, FindingSection } from './finding-groups.js';

/** A requirement ID with its row of the requirement table, where the table has one (a referenced standard's rule has none). */
export interface RequirementRef {
  id: string;
  requirement?: RequirementResult;
}

export interface RequirementEntry {
  requirements: RequirementRef[];
  groups: FindingGroup[];
  /** Findings of all its groups. */
  findings: number;
  /** The different places of all its groups. */
  places: number;
}

const SECTION_OUTCOME: Record<FindingSection, Outcome | undefined> = {
  must: 'failed',
  warning: 'failed',
  cantTell: 'cantTell',
  note: undefined,
};

export interface RequirementIndex {
  byId: ReadonlyMap<string, RequirementResult>;
  position: ReadonlyMap<string, number>;
  checkRequirements: ReadonlyMap<string, readonly string[]>;
}

export function indexRequirements(report: Report): RequirementIndex {
  return {
    byId: new Map(report.requirements.map((requirement) => [requirement.id, requirement])),
    position: new Map(report.requirements.map((requirement, index) => [requirement.id, index])),
    checkRequirements: new Map(report.checks.map((check) => [check.id, check.requirements])),
  };
}

function requirementIds(group: FindingGroup, index: RequirementIndex): string[] {
  if (group.rule !== undefined) return [group.rule];
  const all = index.checkRequirements.get(group.check) ?? [];
  const outcome = SECTION_OUTCOME[group.section];
  const matching = all.filter((id) => index.byId.get(id)?.outcome === outcome);
  return matching.length > 0 ? matching : [...all];
}

function placesOf(groups: readonly FindingGroup[]): number {
  if (groups.length === 1) return groups[0]?.places.size ?? 0;
  const union = new Set<string>();
  for (const group of groups) for (const place of group.places) union.add(place);
  return union.size;
}

/** The entries of one section's groups, in the order of the requirement table; groups keep their order. */
export function requirementEntries(groups: readonly FindingGroup[], index: RequirementIndex): RequirementEntry[] {
  const entries = new Map<string, RequirementEntry>();
  for (const group of groups) {
    const ids = requirementIds(group, index);
    const key = ids.join(' ');
    let entry = entries.get(key);
    if (!entry) {
      const requirements = ids.map((id) => {
        const requirement = index.byId.get(id);
        return requirement ? { id, requirement } : { id };
      });
      entries.set(key, (entry = { requirements, groups: [], findings: 0, places: 0 }));
    }
    entry.groups.push(group);
    entry.findings += group.members.length;
  }
  for (const entry of entries.values()) entry.places = placesOf(entry.groups);
  const rank = (entry: RequirementEntry) => index.position.get(entry.requirements[0]?.id ?? '') ?? Number.MAX_SAFE_INTEGER;
  return [...entries.values()].sort((a, b) => rank(a) - rank(b));
}
