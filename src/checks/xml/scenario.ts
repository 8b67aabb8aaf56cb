/**
 * `xml.scenario`: each message file matches one of the standard's validation scenarios
 * (src/xml/scenarios.ts), as the KoSIT validator requires before it validates: a file that
 * matches none — another document type, another specification identifier, not XML at all —
 * is rejected; for a file too large to parse konform cannot tell. The scenario of each file is
 * found once per run, in the file's one parse (document.ts), and shared with the Schematron
 * checks, which take their rules' severities from it.
 */
import type { CheckOutput, Finding } from '../../model/types.js';
import type { Scenario, ScenarioTable } from '../../xml/scenarios.js';
import type { CheckContext, CheckKind } from '../types.js';
import { documentOf, registerTable, scenarioFrom } from './document.js';
import { fileSubjects, subjectFile } from './files.js';

export interface ScenarioOptions {
  /** Artifact path of the scenario table. */
  scenarios: string;
}

/** Whether konform's parser accepts the file and, given a table, the file's scenario. */
export interface FileScenario {
  wellFormed: boolean;
  scenario?: Scenario;
  /** The finding of a file over the byte limit, refused unread: whether it is well-formed is not known. */
  tooLarge?: Finding;
}

function scenarioTable(context: CheckContext, path: string): Promise<ScenarioTable> {
  return context.memo(`xml.scenario:table:${path}`, async () => {
    const { parseScenarioTable } = await import('../../xml/scenarios.js');
    return parseScenarioTable((await context.artifact(path)).toString('utf8'), path);
  });
}

/** Registers the table with the files' passes (document.ts), which select each file's scenario in it. */
export function registerScenarios(context: CheckContext, table: string): Promise<void> {
  return registerTable(context, table, () => scenarioTable(context, table));
}

export async function fileScenario(context: CheckContext, table: string | undefined, file: string): Promise<FileScenario> {
  const { parse } = await documentOf(context, file);
  if (!parse.wellFormed) return { wellFormed: false, ...(parse.tooLarge ? { tooLarge: parse.findings[0] } : {}) };
  const scenario = table === undefined ? undefined : await scenarioFrom(context, file, table, () => scenarioTable(context, table));
  return { wellFormed: true, ...(scenario ? { scenario } : {}) };
}

export const scenarioKind: CheckKind<ScenarioOptions> = {
  name: 'xml.scenario',
  description: "The file matches one of the standard's validation scenarios",
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['scenarios'],
    properties: { scenarios: { type: 'string', minLength: 1 } },
  },
  needs: ['files'],
  async subjects(context, options) {
    await registerScenarios(context, options.scenarios);
    return fileSubjects(context);
  },
  async run(context, options, subject): Promise<CheckOutput> {
    const file = subjectFile(subject);
    const { wellFormed, scenario, tooLarge } = await fileScenario(context, options.scenarios, file);
    if (tooLarge) return { outcome: 'cantTell', findings: [tooLarge] };
    if (scenario) {
      return {
        outcome: 'passed',
        findings: [{ code: 'scenario', message: `validated as ${scenario.name}`, severity: 'info', params: { scenario: scenario.id }, location: { file } }],
      };
    }
    const names = (await scenarioTable(context, options.scenarios)).scenarios.map((candidate) => candidate.name);
    const message = wellFormed
      ? `the file matches none of the scenarios (${names.join('; ')})`
      : 'the file is not well-formed XML within konform\'s limits, so no scenario applies to it';
    return { outcome: 'failed', findings: [{ code: 'no-scenario', message, severity: 'error', location: { file } }] };
  },
};
