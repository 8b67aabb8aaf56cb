/**
 * The plan of `konform batch`: a YAML file (schema: plan.schema.json) listing runs, each a
 * suite against a target URL or message files. Paths in it (a suite folder, a spec, files, the
 * files of credentials) are relative to the plan's folder. Every error says file, line and column.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { checkAgainstSchema } from '../core/schema-check.js';
import { sha256 } from '../core/sha256.js';
import { parseYamlText, readSourceFile, type YamlSource } from '../core/yaml-source.js';
import { ERROR_CODES, KonformError } from '../model/errors.js';
import type { BudgetSettings } from '../crawl/budget.js';
import { runFolders } from './run-folder.js';

/** The `--auth-*` flags of `konform run` without their prefix (plan.schema.json#/$defs/Auth). */
export interface PlanAuth {
  apikeyName?: string;
  apikeyIn?: 'header' | 'query';
  apikeyEnv?: string;
  apikeyFile?: string;
  bearerEnv?: string;
  bearerFile?: string;
  basicUser?: string;
  basicPasswordEnv?: string;
  basicPasswordFile?: string;
  oauth2TokenUrl?: string;
  oauth2ClientId?: string;
  oauth2SecretEnv?: string;
  oauth2SecretFile?: string;
  oauth2Scope?: string[];
  clientCert?: string;
  clientKey?: string;
  ca?: string;
}

/** One entry of `runs`, as written (plan.schema.json#/$defs/Run). */
export interface PlanEntry {
  suite: string;
  target?: string;
  spec?: string;
  files?: string[];
  profile?: string;
  parameters?: Record<string, string>;
  allowHosts?: string[];
  allowRefHosts?: string[];
  allowUnsafe?: boolean;
  /** The crawl budget, as the flags give it (maxTime in seconds). */
  crawl?: BudgetSettings;
  record?: boolean;
  concurrency?: number;
  timeout?: number;
  maxResponseBytes?: number;
  maxRedirects?: number;
  auth?: PlanAuth;
}

export interface PlannedRun {
  /** The entry, its paths resolved against the plan's folder (files and patterns are expanded there when the batch starts). */
  entry: PlanEntry;
  /** Where the entry is in the plan: `/runs/<n>`. */
  pointer: string;
  /** The suite as the plan names it. */
  suiteName: string;
  /** The suite as `run` takes it: a suite folder beside the plan, or the id as written. */
  suite: string;
  /** What the run examines, as the index shows it: the target URL, or the files as written. */
  subject: string;
  /** `<suite> <subject>`: names the run in the shard partition (core/shard.ts) and the index. */
  key: string;
  /** The run's folder in the batch's output folder. */
  folder: string;
}

export interface BatchPlan {
  file: string;
  sha256: string;
  /** To point an error at a place in the plan. */
  source: YamlSource;
  runs: PlannedRun[];
}

const AUTH_FILES = ['apikeyFile', 'bearerFile', 'basicPasswordFile', 'oauth2SecretFile', 'clientCert', 'clientKey', 'ca'] as const;

function resolvePaths(entry: PlanEntry, dir: string): PlanEntry {
  const at = (path: string) => resolve(dir, path);
  const auth = entry.auth && { ...entry.auth };
  for (const key of AUTH_FILES) if (auth?.[key] !== undefined) auth[key] = at(auth[key]);
  const suite = entry.suite;
  return {
    ...entry,
    ...(entry.spec !== undefined ? { spec: at(entry.spec) } : {}),
    ...(auth ? { auth } : {}),
    suite: isAbsolute(suite) || existsSync(at(suite)) ? at(suite) : suite,
  };
}

/** A plan's runs from its data, each (suite, subject) once: a cell of the index is one run. */
function plannedRuns(source: YamlSource, dir: string): PlannedRun[] {
  const entries = (source.data as { runs: PlanEntry[] }).runs;
  const seen = new Map<string, number>();
  const runs = entries.map((written, index) => {
    const subject = written.target ?? (written.files as string[]).join(' ');
    const key = `${written.suite} ${subject}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw new KonformError(ERROR_CODES.CONFIG_INVALID, `runs/${index} repeats the suite and ${written.target ? 'target' : 'files'} of runs/${earlier}`, source.locate(`/runs/${index}`));
    }
    seen.set(key, index);
    const entry = resolvePaths(written, dir);
    return { entry, pointer: `/runs/${index}`, suiteName: written.suite, suite: entry.suite, subject, key };
  });
  const folders = runFolders(runs);
  return runs.map((run, index) => ({ ...run, folder: folders[index] as string }));
}

export async function readPlan(file: string): Promise<BatchPlan> {
  const path = resolve(file);
  const bytes = await readSourceFile(path, ERROR_CODES.CONFIG_INVALID, (at) => readFile(at));
  const source = parseYamlText(path, bytes.toString('utf8'), ERROR_CODES.CONFIG_INVALID);
  checkAgainstSchema('batch-plan', source, ERROR_CODES.CONFIG_INVALID, 'batch plan');
  return { file: path, sha256: sha256(bytes), source, runs: plannedRuns(source, dirname(path)) };
}
