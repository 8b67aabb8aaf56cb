/**
 * Loads a suite (`suites/<id>/suite.yaml`), validates it against the suite schema, the check
 * registry, the options schema of each kind and the requirement catalogue of its standard.
 * Every error says file, line and column.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { checkKind, loadCheckKinds } from '../checks/registry.js';
import { optionsProblems } from './check-options.js';
import { didYouMean } from '../core/close-matches.js';
import { ERROR_CODES, KonformError, type ErrorCode } from '../model/errors.js';
import { loadStandard } from '../core/load-standard.js';
import type { Severity, Standard, Suite } from '../model/types.js';
import { PACKAGE_ROOT } from '../core/package-root.js';
import { checkAgainstSchema } from '../core/schema-check.js';
import { bytesOf, currentHash } from '../core/file-hash.js';
import { parseYamlText, readSourceFile, readYamlFile, type YamlSource } from '../core/yaml-source.js';

interface RawSuite {
  id: string;
  version: string;
  title: string;
  standard: { id: string; version: string };
  classes: Array<{
    id: string;
    title: string;
    checks: Array<{
      id: string;
      title: string;
      kind: string;
      verifies: string[];
      severity?: Severity;
      options?: Record<string, unknown>;
    }>;
  }>;
  profiles: Suite['profiles'];
  defaultProfile: string;
  selftest?: string;
}

/** A suite named by id is looked up in konform's `suites/`; otherwise a folder or a suite.yaml path. */
export function resolveSuiteFile(nameOrPath: string): string {
  const candidates = [resolve(nameOrPath), join(PACKAGE_ROOT, 'suites', nameOrPath)];
  for (const candidate of candidates) {
    if (!existsSync(candidate)) continue;
    return statSync(candidate).isDirectory() ? join(candidate, 'suite.yaml') : candidate;
  }
  const shipped = readdirSync(join(PACKAGE_ROOT, 'suites'), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  throw new KonformError(ERROR_CODES.SUITE_NOT_FOUND, `no suite "${nameOrPath}" (neither a path nor a suite id)${didYouMean(nameOrPath, shipped)}`);
}

/** Standards sit beside the suite's repository (`../../standards`) or ship with konform. */
function standardDir(suiteFile: string, id: string, version: string): string {
  const besideSuite = join(dirname(suiteFile), '..', '..', 'standards', id, version);
  return existsSync(besideSuite) ? besideSuite : join(PACKAGE_ROOT, 'standards', id, version);
}

/** The folder of the standard a suite names, read from the suite file alone: the standard is not loaded (nor its pins verified). */
export async function standardDirOfSuite(nameOrPath: string): Promise<string> {
  const file = resolveSuiteFile(nameOrPath);
  const source = await readYamlFile(file, ERROR_CODES.SUITE_INVALID, ERROR_CODES.SUITE_NOT_FOUND);
  checkAgainstSchema('suite', source, ERROR_CODES.SUITE_INVALID, `suite ${basename(dirname(file))}`);
  const { id, version } = (source.data as RawSuite).standard;
  return standardDir(file, id, version);
}

interface Problem {
  pointer: string;
  message: string;
  code: ErrorCode;
}

/** One problem as it was found; several as one error that lists each with its line and column, placed at the first. */
function problemsError(source: YamlSource, problems: readonly Problem[]): KonformError {
  const [first] = problems as [Problem, ...Problem[]];
  if (problems.length === 1) return new KonformError(first.code, first.message, source.locate(first.pointer));
  const lines = problems.map(({ pointer, message }) => {
    const { line, column } = source.locate(pointer);
    return `${line}:${column}: ${message}`;
  });
  return new KonformError(first.code, `${problems.length} problems:\n  ${lines.join('\n  ')}`, source.locate(first.pointer));
}

/** Every problem of the suite's references to ids, kinds, options and requirements, not only the first. */
function checkReferences(source: YamlSource, raw: RawSuite, standard: Standard): void {
  const problems: Problem[] = [];
  const fail = (pointer: string, message: string, code: ErrorCode = ERROR_CODES.SUITE_INVALID) => problems.push({ pointer, message, code });
  const requirementIds = new Set(standard.requirements.map((requirement) => requirement.id));
  const classIds = new Set<string>();
  const checkIds = new Set<string>();
  raw.classes.forEach((cls, c) => {
    if (classIds.has(cls.id)) fail(`/classes/${c}/id`, `duplicate class id "${cls.id}"`);
    classIds.add(cls.id);
    cls.checks.forEach((check, k) => {
      const at = `/classes/${c}/checks/${k}`;
      if (checkIds.has(check.id)) fail(`${at}/id`, `duplicate check id "${check.id}"`);
      checkIds.add(check.id);
      check.verifies.forEach((id, v) => {
        if (!requirementIds.has(id)) fail(`${at}/verifies/${v}`, `"${id}" is not a requirement of ${standard.id} ${standard.version}`);
      });
      check.options ??= {};
      const kind = checkKind(check.kind);
      if (!kind) return fail(`${at}/kind`, `unknown check kind "${check.kind}" (konform kinds lists them)`, ERROR_CODES.CHECK_KIND_UNKNOWN);
      const optionProblems = optionsProblems(kind, check.options);
      if (optionProblems[0]) {
        const messages = optionProblems.map((problem) => problem.message).join('; ');
        fail(`${at}/options${optionProblems[0].pointer}`, `check "${check.id}" (${check.kind}): ${messages}`, ERROR_CODES.CHECK_OPTIONS_INVALID);
      }
    });
  });
  raw.profiles.forEach((profile, p) =>
    profile.classes.forEach((id, i) => {
      if (!classIds.has(id)) fail(`/profiles/${p}/classes/${i}`, `unknown class "${id}"`);
    }),
  );
  if (!raw.profiles.some((profile) => profile.id === raw.defaultProfile)) fail('/defaultProfile', `unknown profile "${raw.defaultProfile}"`);
  if (problems.length > 0) throw problemsError(source, problems);
}

/**
 * The suite last loaded from each file: reused while the file has the same bytes and its
 * standard loads as the same object (unchanged manifest, artifacts verified).
 */
const loaded = new Map<string, { sha256: string; suite: Suite; standard: Standard }>();

export async function loadSuite(nameOrPath: string): Promise<{ suite: Suite; standard: Standard }> {
  const file = resolveSuiteFile(nameOrPath);
  const current = await readSourceFile(file, ERROR_CODES.SUITE_NOT_FOUND, currentHash);
  const known = loaded.get(file);
  if (known?.sha256 === current.sha256) {
    const { id, version } = known.suite.standard;
    if ((await loadStandard(standardDir(file, id, version))) === known.standard) return { suite: known.suite, standard: known.standard };
  }
  const { bytes, sha256: hash } = await readSourceFile(file, ERROR_CODES.SUITE_NOT_FOUND, (path) => bytesOf(path, current));
  const source = parseYamlText(file, bytes.toString('utf8'), ERROR_CODES.SUITE_INVALID);
  checkAgainstSchema('suite', source, ERROR_CODES.SUITE_INVALID, `suite ${basename(dirname(file))}`);
  const raw = source.data as RawSuite;
  const [standard] = await Promise.all([
    loadStandard(standardDir(file, raw.standard.id, raw.standard.version)),
    loadCheckKinds(raw.classes.flatMap((cls) => cls.checks.map((check) => check.kind))),
  ]);
  if (standard.id !== raw.standard.id || standard.version !== raw.standard.version) {
    throw problemsError(source, [{ pointer: '/standard', message: `the manifest found declares ${standard.id} ${standard.version}`, code: ERROR_CODES.SUITE_INVALID }]);
  }
  checkReferences(source, raw, standard);
  const suite: Suite = {
    id: raw.id,
    version: raw.version,
    title: raw.title,
    dir: dirname(file),
    file,
    sha256: hash,
    standard: raw.standard,
    classes: raw.classes.map((cls) => ({
      id: cls.id,
      title: cls.title,
      checks: cls.checks.map((check) => ({
        id: check.id,
        title: check.title,
        kind: check.kind,
        class: cls.id,
        verifies: check.verifies,
        severity: check.severity ?? 'error',
        options: check.options ?? {},
      })),
    })),
    profiles: raw.profiles,
    defaultProfile: raw.defaultProfile,
    ...(raw.selftest ? { selftest: join(dirname(file), raw.selftest) } : {}),
  };
  loaded.set(file, { sha256: hash, suite, standard });
  return { suite, standard };
}
