/**
 * The judgements a run's XML checks make on a parsed document — well-formedness, root
 * element, scenario, XSD validity — made in one pass per file (src/xml/document-pass.ts):
 * each file is read and parsed once, however many checks judge it. The kinds that need the
 * parsed document register what they judge by (a schema, a scenario table) when their
 * subjects are found, before any unit runs; the first unit that asks about a file runs its
 * pass, and each unit takes the judgement it is for. A judgement the pass did not make (one
 * registered after the file's pass ran) is made by a pass of its own: the outcome never
 * depends on the order in which checks ask.
 */
import type { Finding } from '../../model/types.js';
import type { DocumentFacts, DocumentJudges } from '../../xml/document-pass.js';
import type { Scenario, ScenarioTable } from '../../xml/scenarios.js';
import type { XsdSchema } from '../../xml/xsd.js';
import type { CheckContext } from '../types.js';

export interface SchemaEntry {
  match?: readonly string[] | undefined;
  /** The schema, compiled on first use (a file whose root it is for); throws when it does not compile. */
  schema(): XsdSchema;
}

interface Registry {
  schemas: Map<string, SchemaEntry>;
  tables: Map<string, () => Promise<ScenarioTable>>;
  /** What is registered, loaded; dropped by each registration. */
  judges?: Promise<DocumentJudges> | undefined;
}

const registryOf = (context: CheckContext): Promise<Registry> =>
  context.memo('xml:document:registry', async () => ({ schemas: new Map(), tables: new Map() }));

const pass = async () => (await import('../../xml/document-pass.js')).documentFacts;

/** Registers a schema the pass validates each file against whose root is in `match`. */
export async function registerSchema(context: CheckContext, key: string, entry: SchemaEntry): Promise<void> {
  const registry = await registryOf(context);
  registry.schemas.set(key, entry);
  registry.judges = undefined;
}

/** Registers a scenario table the pass selects each file's scenario from. */
export async function registerTable(context: CheckContext, key: string, load: () => Promise<ScenarioTable>): Promise<void> {
  const registry = await registryOf(context);
  registry.tables.set(key, load);
  registry.judges = undefined;
}

function fulfilled<T>(settled: PromiseSettledResult<T>[]): T[] {
  return settled.flatMap((one) => (one.status === 'fulfilled' ? [one.value] : []));
}

/** A schema that does not compile is left to its own check, which reports it. */
function compiledOrNone(entry: SchemaEntry): XsdSchema | undefined {
  try {
    return entry.schema();
  } catch {
    return undefined;
  }
}

/** What is registered, as the pass takes it: each schema compiled when a file first needs it, the tables that load. */
function judgesOf(registry: Registry): Promise<DocumentJudges> {
  return (registry.judges ??= loaded(registry));
}

async function loaded(registry: Registry): Promise<DocumentJudges> {
  const tables = await Promise.allSettled([...registry.tables].map(async ([key, load]) => [key, await load()] as const));
  const schemas = [...registry.schemas].map(([key, entry]) => ({ key, match: entry.match, schema: () => compiledOrNone(entry) }));
  return { schemas, tables: new Map(fulfilled(tables)) };
}

const passesOf = (context: CheckContext): Promise<Map<string, Promise<DocumentFacts>>> => context.memo('xml:document:passes', async () => new Map());

/** The file's pass, run once per run. A file that cannot be read rejects: konform cannot tell. */
export async function documentOf(context: CheckContext, file: string): Promise<DocumentFacts> {
  // Keyed by the file's name as it is, not a key built per call: thousands of files are asked about several times each.
  const passes = await passesOf(context);
  let facts = passes.get(file);
  if (!facts) {
    facts = (async () => (await pass())(file, await judgesOf(await registryOf(context))))();
    passes.set(file, facts);
  }
  return facts;
}

/** The file's findings against the schema registered as `key`, taken by the one unit they are for. */
export async function schemaFindings(context: CheckContext, file: string, key: string, entry: SchemaEntry): Promise<Finding[]> {
  const facts = await documentOf(context, file);
  const findings = facts.xsd.get(key);
  if (findings) {
    facts.xsd.delete(key);
    return findings;
  }
  // The unit asks only about a file its schema is for: validated without `match`.
  const own = (await pass())(file, { schemas: [{ key, schema: entry.schema }], tables: new Map() });
  return own.xsd.get(key) as Finding[];
}

/** The file's scenario in the table registered as `key`. */
export async function scenarioFrom(context: CheckContext, file: string, key: string, load: () => Promise<ScenarioTable>): Promise<Scenario | undefined> {
  const facts = await documentOf(context, file);
  if (facts.scenarios.has(key)) return facts.scenarios.get(key);
  return (await pass())(file, { schemas: [], tables: new Map([[key, await load()]]) }).scenarios.get(key);
}
