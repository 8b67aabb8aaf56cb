/**
 * `xml.schematron`: each message file satisfies the standard's Schematron rules (ISO/IEC
 * 19757-3). The Schematron (`schematron`, compiled by konform; or `xslt`, a precompiled
 * stylesheet) is compiled while the run is planned — one konform cannot compile is a broken
 * standard, a usage error — and runs once over all files it applies to, in one Saxon-HE JVM,
 * started during planning so that several Schematron checks and the XSD checks run side by
 * side. Each file's result reports that file's failed asserts and fired reports,
 * with rule ID, severity (flag/role, or the scenario's level), line, column and XPath, and
 * decides the requirements of the assertions of the rules that fired on the file (SVRL
 * `fired-rule`, ISO/IEC 19757-3 §6.5) only: a rule whose context matched nothing in the file
 * examined nothing, and its requirements are inapplicable there.
 *
 * A file applies when its root is in `match` and, with `scenarios`, when the file's scenario
 * lists this Schematron. The file fails when a finding is fatal or an error. konform cannot
 * tell — and never passes — when Java or Saxon is missing (the finding gives the install
 * command), when Saxon could not evaluate the file, and when the file is not well-formed
 * XML or too large to parse: the rules were not evaluated then, and the well-formedness check
 * reports the file.
 */
import { boundedMap } from '../../core/bounded-map.js';
import type { FindingCode } from '../../model/finding-codes.js';
import { outcomeOfFindings } from '../../judge/judgement.js';
import type { CheckOutput, CheckSpec, Finding, Severity } from '../../model/types.js';
import type { SchematronEngine, SvrlBatch } from '../../xml/schematron/engine.js';
import type { Stylesheet, StylesheetSource } from '../../xml/schematron/stylesheet.js';
import type { CheckContext, CheckKind } from '../types.js';
import { fileSubjects, MATCH_SCHEMA, outsideScenario, subjectFile } from './files.js';
import { fileScenario, registerScenarios } from './scenario.js';
import { lintSchematron } from './schematron-lint.js';

export interface SchematronOptions {
  /** Artifact path of the Schematron (`.sch`), compiled by konform. */
  schematron?: string;
  /** Artifact path of a precompiled XSLT that writes SVRL, instead of `schematron`. */
  xslt?: string;
  /** `#ALL`, `#DEFAULT` (the default) or a phase id. */
  phase?: string;
  match?: string[];
  /** Artifact path of the scenario table (src/xml/scenarios.ts). */
  scenarios?: string;
}

type Batch = SvrlBatch | { unavailable: { reason: string; install: string } };
type Applicability = { output: CheckOutput } | { levels: Record<string, Severity> };

/** Files whose applicability is worked out at once while a batch is assembled. */
const FILES_IN_FLIGHT = 16;

const sourcePath = (options: SchematronOptions) => options.schematron ?? options.xslt ?? '';

function stylesheetSource(options: SchematronOptions): StylesheetSource {
  if (options.schematron) return { schematron: options.schematron, ...(options.phase ? { phase: options.phase } : {}) };
  return { xslt: sourcePath(options) };
}

function cantTell(file: string, code: FindingCode, message: string, params?: Record<string, unknown>): CheckOutput {
  return { outcome: 'cantTell', findings: [{ code, message, ...(params ? { params } : {}), location: { file } }] };
}

/** Compiled once per run; a Schematron konform cannot compile is a broken standard. */
function stylesheetFor(context: CheckContext, options: SchematronOptions): Promise<Stylesheet> {
  return context.memo(`xml.schematron:xslt:${sourcePath(options)}:${options.phase ?? ''}`, async () => {
    const { stylesheetOf } = await import('../../xml/schematron/stylesheet.js');
    return stylesheetOf(stylesheetSource(options), (path) => context.artifact(path));
  });
}

async function applicability(context: CheckContext, options: SchematronOptions, file: string): Promise<Applicability> {
  const outside = await outsideScenario(context, file, options.match);
  if (outside) return { output: outside };
  const { wellFormed, scenario, tooLarge } = await fileScenario(context, options.scenarios, file);
  if (tooLarge) return { output: { outcome: 'cantTell', findings: [tooLarge] } };
  if (!wellFormed) return { output: cantTell(file, 'not-well-formed', "the file is not well-formed XML within konform's limits: its Schematron rules could not be evaluated") };
  if (!options.scenarios) return { levels: {} };
  const reason = !scenario ? 'the file matches no scenario' : !scenario.schematron.includes(sourcePath(options)) ? `its scenario (${scenario.name}) does not use ${sourcePath(options)}` : undefined;
  if (reason) return { output: { outcome: 'inapplicable', findings: [{ code: 'other-scenario', message: reason, location: { file } }] } };
  return { levels: scenario?.levels ?? {} };
}

function batchOf(context: CheckContext, options: SchematronOptions): Promise<Batch> {
  const key = `xml.schematron:batch:${JSON.stringify([sourcePath(options), options.phase, options.match, options.scenarios])}`;
  return context.memo(key, async () => {
    const engine = await context.memo<SchematronEngine>('xml.schematron:engine', async () => (await import('../../xml/schematron/saxon.js')).saxonEngine());
    const availability = await engine.available();
    if (!availability.ok) return { unavailable: availability };
    const files = context.target.files ?? [];
    const applies = await boundedMap(files, FILES_IN_FLIGHT, (file) => applicability(context, options, file));
    const batch = files.filter((_file, index) => 'levels' in (applies[index] as Applicability));
    const { xslt } = await stylesheetFor(context, options);
    // Disposed with the run's memo: the reports not taken go with the batch's folder.
    return engine.runBatch(xslt, batch, context.signal);
  });
}

/** One array for each distinct set of rules: files of one kind examine the same rules, and 10 000 results share a few arrays. */
function internedRules(sets: Map<string, string[]>, rules: string[]): string[] {
  const key = rules.join('\n');
  const known = sets.get(key);
  if (known) return known;
  sets.set(key, rules);
  return rules;
}

/** The requirements the check verifies that the file gave a case of: assertions of fired rules, and those with a finding. */
function examinedRules(check: CheckSpec, examined: ReadonlySet<string>, findings: readonly Finding[]): string[] {
  const withFinding = new Set(findings.flatMap((finding) => finding.rule ?? []));
  return check.verifies.filter((rule) => examined.has(rule) || withFinding.has(rule));
}

export const schematronKind: CheckKind<SchematronOptions> = {
  name: 'xml.schematron',
  description: "The file satisfies the standard's Schematron rules",
  lint: lintSchematron,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    // One source; a phase only with a Schematron. Each branch defines what it requires (ajv strictRequired).
    oneOf: [
      { properties: { schematron: true }, required: ['schematron'] },
      { properties: { xslt: true, phase: false }, required: ['xslt'] },
    ],
    properties: {
      schematron: { type: 'string', minLength: 1 },
      xslt: { type: 'string', minLength: 1 },
      phase: { type: 'string', minLength: 1 },
      match: MATCH_SCHEMA,
      scenarios: { type: 'string', minLength: 1 },
    },
  },
  needs: ['files'],
  async subjects(context, options) {
    // A stylesheet that does not compile is the suite's error, found before any file is judged.
    await stylesheetFor(context, options);
    if (options.scenarios) await registerScenarios(context, options.scenarios);
    // Started now, beside the XSD checks and the other Schematron batches; each file's unit awaits it, and a failure surfaces there.
    batchOf(context, options).catch(() => undefined);
    return fileSubjects(context);
  },
  async run(context, options, subject, check): Promise<CheckOutput> {
    const file = subjectFile(subject);
    const applies = await applicability(context, options, file);
    if ('output' in applies) return applies.output;
    const batch = await batchOf(context, options);
    if ('unavailable' in batch) {
      const { reason, install } = batch.unavailable;
      return cantTell(file, 'engine-unavailable', `the Schematron rules were not evaluated: ${reason}; install Java and Saxon-HE with: ${install}`, { install });
    }
    // Each file's report is read by its one unit, when it judges the file: memory stays flat over many files.
    const result = await batch.take(file);
    if (!result.ok) return cantTell(file, 'not-evaluated', `Saxon could not evaluate the Schematron on the file: ${result.reason}`);
    const [{ schematronFindings }, { positionsIn }, { examinedAssertions }] = await Promise.all([
      import('../../xml/schematron/findings.js'),
      import('../../xml/schematron/location.js'),
      import('../../xml/schematron/fired-rules.js'),
    ]);
    const findings = schematronFindings(file, result.assertions, applies.levels, await positionsIn(file, result.assertions.length > 0));
    const examined = examinedAssertions(result.firedRules, (await stylesheetFor(context, options)).assertionsByRule);
    const interned = await context.memo(`xml.schematron:rule-sets:${check.id}`, async () => new Map<string, string[]>());
    return { outcome: outcomeOfFindings(findings), findings, rules: internedRules(interned, examinedRules(check, examined, findings)) };
  },
};
