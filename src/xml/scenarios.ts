/**
 * Validation scenarios in the manner of the KoSIT validator's scenarios.xml
 * (https://github.com/itplr-kosit/validator, "scenarios"): the first scenario whose `match`
 * holds for a document decides which Schematron rules apply to it and at which severity
 * (`customLevel`); a document that matches none is rejected. konform keeps a standard's
 * scenarios as a YAML artifact; `match` is an XPath 1.0 expression (libxml2), so KoSIT's
 * `exists(P)` is written `P`.
 */
import { SEVERITY_WORDS } from './schematron/findings.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { XmlDocument } from 'libxml2-wasm';
import { parse } from 'yaml';
import { ERROR_CODES, KonformError } from '../model/errors.js';
import type { Severity } from '../model/types.js';

export interface Scenario {
  id: string;
  name: string;
  match: string;
  /** Artifact paths of the Schematron files (or their XSLT) that apply. */
  schematron: string[];
  /** Severity per rule ID, overriding the flag of the Schematron (KoSIT `customLevel`, in KoSIT's words in the table). */
  levels: Record<string, Severity>;
}

export interface ScenarioTable {
  namespaces: Record<string, string>;
  scenarios: Scenario[];
}

const SCHEMA = {
  type: 'object',
  required: ['namespaces', 'scenarios'],
  properties: {
    namespaces: { type: 'object', additionalProperties: { type: 'string' } },
    scenarios: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name', 'match', 'schematron'],
        properties: {
          id: { type: 'string', minLength: 1 },
          name: { type: 'string', minLength: 1 },
          match: { type: 'string', minLength: 1 },
          schematron: { type: 'array', items: { type: 'string', minLength: 1 } },
          levels: { type: 'object', additionalProperties: { enum: ['fatal', 'error', 'warning', 'information'] }, default: {} },
        },
      },
    },
  },
} as const;
const validate = new Ajv2020({ allErrors: true, strict: false, useDefaults: true }).compile(SCHEMA);

export function parseScenarioTable(text: string, file: string): ScenarioTable {
  const data: unknown = parse(text);
  if (!validate(data)) {
    throw new KonformError(ERROR_CODES.STANDARD_INVALID, `the scenario table ${file} is invalid: ${JSON.stringify(validate.errors?.[0])}`, { file });
  }
  const table = data as unknown as ScenarioTable;
  for (const scenario of table.scenarios) {
    scenario.levels = Object.fromEntries(Object.entries(scenario.levels).map(([rule, level]) => [rule, SEVERITY_WORDS[level] ?? 'error']));
  }
  return table;
}

/** The first scenario whose match holds for the document. */
export function selectScenario(table: ScenarioTable, document: XmlDocument): Scenario | undefined {
  return table.scenarios.find((scenario) => {
    const result = document.eval(scenario.match, table.namespaces);
    return Array.isArray(result) ? result.length > 0 : Boolean(result);
  });
}
