/**
 * The CI templates in ci/: valid against the published JSON Schemas of their CI systems
 * (fixtures/ci-schemas, pinned with provenance), and their konform steps, run with bash as the
 * CI system would run them for each shard and then for the merge, give the report of the
 * unsharded run — GitHub Actions' matrix from the plan job's output, GitLab's `parallel` by
 * CI_NODE_INDEX and CI_NODE_TOTAL through `--shard auto`.
 */
import { spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';
import { sha256 } from '../../src/core/sha256.js';
import type { Report } from '../../src/model/report.js';
import { CLI, runCli } from '../helpers/cli.js';
import { INPUTS, judged, reportIn } from '../merge/comparable.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const SCHEMAS = join(PACKAGE_ROOT, 'fixtures', 'ci-schemas');
const GITHUB = join(PACKAGE_ROOT, 'ci', 'github', 'konform-validate.yml');
const GITLAB = join(PACKAGE_ROOT, 'ci', 'gitlab', 'konform-validate.gitlab-ci.yml');
/** CEN's examples: some accepted, some rejected; few enough for a run per simulated job. */
const FILES = [INPUTS[1]!];
/** A simulated pipeline runs konform once per job, one after the other. */
const PIPELINE_TIMEOUT = 300_000;

interface Step {
  id?: string;
  name?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string | number>;
  with?: Record<string, string>;
}
interface Workflow {
  on: { workflow_call: { inputs: Record<string, { default?: string | number }> } };
  jobs: Record<string, { steps: Step[]; strategy?: { matrix: Record<string, string> } }>;
}
interface GitlabJob {
  parallel?: number;
  script: string[];
  artifacts: { paths: string[]; reports?: { junit?: string } };
}

const yamlOf = async <T>(file: string): Promise<T> => parse(await readFile(file, 'utf8')) as T;

async function validatorOf(schema: string) {
  const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
  return ajv.compile(JSON.parse(await readFile(join(SCHEMAS, schema), 'utf8')) as object);
}

describe('fixtures/ci-schemas', () => {
  it('holds each schema as its provenance pins it, and each is JSON Schema draft-07', async () => {
    const { files } = await yamlOf<{ files: Array<{ path: string; sha256: string; url: string; repository: string; commit: string; licence: string }> }>(join(SCHEMAS, 'provenance.yaml'));
    expect(files.map(({ path }) => path).sort()).toEqual((await readdir(SCHEMAS)).filter((name) => name.endsWith('.json')).sort());
    for (const file of files) {
      expect(file.sha256, file.path).toBe(sha256(await readFile(join(SCHEMAS, file.path))));
      expect(file).toMatchObject({ url: expect.stringMatching(/^https:\/\//), commit: expect.stringMatching(/^[0-9a-f]{40}$/), licence: expect.any(String) });
      expect((JSON.parse(await readFile(join(SCHEMAS, file.path), 'utf8')) as { $schema: string }).$schema).toBe('http://json-schema.org/draft-07/schema#');
    }
  });
});

describe('the templates against their published schemas', () => {
  it('ci/github/konform-validate.yml is a valid GitHub Actions workflow (SchemaStore github-workflow.json), a reusable one', async () => {
    const validate = await validatorOf('github-workflow.json');
    const workflow = await yamlOf<Workflow>(GITHUB);
    expect(validate(workflow), JSON.stringify(validate.errors)).toBe(true);
    expect(Object.keys(workflow.on)).toEqual(['workflow_call']);
    expect(Object.keys(workflow.on.workflow_call.inputs)).toEqual(expect.arrayContaining(['suite', 'files', 'shards']));
    // The schema bites: a job without runs-on or uses is no job.
    expect(validate({ ...workflow, jobs: { broken: { steps: [{ run: 'true' }] } } })).toBe(false);
  });

  it('ci/gitlab/konform-validate.gitlab-ci.yml is a valid GitLab CI configuration (GitLab ci.json)', async () => {
    const validate = await validatorOf('gitlab-ci.json');
    const config = await yamlOf<Record<string, GitlabJob>>(GITLAB);
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
    expect(config['konform-shard']!.parallel).toBeGreaterThan(1);
    expect(config['konform-merge']!.artifacts.reports?.junit).toBe('$KONFORM_REPORT/junit.xml');
    expect(validate({ ...config, 'konform-shard': { ...config['konform-shard'], parallel: 0 } })).toBe(false);
  });
});

/** A workspace as a CI job sees it: the repository's files at their relative paths, and `konform` on PATH. */
let workspace: string;
let bin: string;
let whole: Report;
beforeAll(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'konform-ci-'));
  bin = join(workspace, '.bin');
  await mkdir(bin);
  await writeFile(join(bin, 'konform'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
  await chmod(join(bin, 'konform'), 0o755);
  const unsharded = await runCli(['validate', 'xrechnung-3.0', ...FILES, '--out', join(workspace, 'unsharded')]);
  expect(unsharded.code).toBe(1);
  whole = await reportIn(join(workspace, 'unsharded'));
});
afterAll(() => rm(workspace, { recursive: true, force: true }));

/** A fresh job folder with the repository's fixtures at their relative paths. */
async function jobFolder(name: string): Promise<string> {
  const folder = join(workspace, name);
  await mkdir(folder, { recursive: true });
  await symlink(join(PACKAGE_ROOT, 'fixtures'), join(folder, 'fixtures'));
  return folder;
}

/** Runs a script as the runner does (bash, -e, pipefail), in `cwd` with `env`; returns its exit code. */
function bash(script: string, cwd: string, env: Record<string, string>): { code: number | null; stderr: string } {
  const result = spawnSync('bash', ['-eo', 'pipefail', '-c', script], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', PATH: `${bin}:${process.env.PATH}`, ...env },
    encoding: 'utf8',
  });
  return { code: result.status, stderr: result.stderr };
}

describe('the GitHub Actions workflow, run step by step', () => {
  const inputs = { suite: 'xrechnung-3.0', files: FILES.join(' '), shards: 3, lang: 'en' };
  /** `${{ inputs.x }}`, `${{ matrix.x }}` and `${{ secrets.x }}` as GitHub substitutes them in a step's env. */
  const expression = (value: string | number, context: Record<string, Record<string, string | number>>): string =>
    String(value).replace(/\$\{\{\s*(\w+)\.([\w-]+)\s*\}\}/g, (_, scope: string, name: string) => String(context[scope]?.[name] ?? ''));
  const runStep = (step: Step, cwd: string, context: Record<string, Record<string, string | number>>, output: string) =>
    bash(step.run!, cwd, {
      GITHUB_OUTPUT: output,
      ...Object.fromEntries(Object.entries(step.env ?? {}).map(([name, value]) => [name, expression(value, context)])),
    });
  const outputsOf = async (file: string) => Object.fromEntries((await readFile(file, 'utf8')).trim().split('\n').map((line) => line.split(/=(.*)/s).slice(0, 2)));

  it('gives the unsharded run from the matrix of its plan job and its merge job', async () => {
    const workflow = await yamlOf<Workflow>(GITHUB);
    const defaults = Object.fromEntries(Object.entries(workflow.on.workflow_call.inputs).map(([name, input]) => [name, input.default ?? '']));
    const context = { inputs: { ...defaults, ...inputs }, secrets: {} as Record<string, string> };
    const konformSteps = (job: string) => workflow.jobs[job]!.steps.filter((step) => step.run?.includes('konform '));

    const plan = await jobFolder('github-plan');
    const planStep = workflow.jobs.plan!.steps.find((step) => step.id === 'shards')!;
    expect(runStep(planStep, plan, context, join(plan, 'output')).code).toBe(0);
    const matrix = JSON.parse((await outputsOf(join(plan, 'output'))).shards as string) as number[];
    expect(matrix).toEqual([1, 2, 3]);
    expect(workflow.jobs.shard!.strategy!.matrix.shard).toBe('${{ fromJSON(needs.plan.outputs.shards) }}');

    const merge = await jobFolder('github-merge');
    const upload = workflow.jobs.shard!.steps.find((step) => step.uses?.startsWith('actions/upload-artifact'))!;
    const download = workflow.jobs.merge!.steps.find((step) => step.uses?.startsWith('actions/download-artifact'))!;
    for (const shard of matrix) {
      const job = await jobFolder(`github-shard-${shard}`);
      const jobContext = { ...context, matrix: { shard } };
      for (const step of konformSteps('shard')) expect(runStep(step, job, jobContext, join(job, 'output')).code, step.name).toBe(0);
      // upload-artifact of `path` as `name`; download-artifact by `pattern` puts each into `path`/<name>/.
      const name = expression(upload.with!.name!, jobContext);
      expect(name).toMatch(new RegExp(`^${download.with!.pattern!.replace('*', '.*')}$`));
      await mkdir(join(merge, download.with!.path!), { recursive: true });
      await rename(join(job, expression(upload.with!.path!, jobContext)), join(merge, download.with!.path!, name));
    }
    const [mergeStep] = konformSteps('merge');
    const merged = runStep(mergeStep!, merge, context, join(merge, 'output'));
    expect(merged.stderr).not.toContain('konform:');
    expect(merged.code).toBe(whole.exitCode);
    expect(await outputsOf(join(merge, 'output'))).toEqual({ verdict: whole.verdict });
    const report = await reportIn(join(merge, expression('${{ inputs.report-name }}', context)));
    expect(judged(report)).toEqual(judged(whole));
  }, PIPELINE_TIMEOUT);
});

describe('the GitLab CI template, run job by job', () => {
  it('gives the unsharded run from its parallel jobs (--shard auto) and its merge job', async () => {
    const config = await yamlOf<Record<string, GitlabJob> & { variables: Record<string, string> }>(GITLAB);
    const variables: Record<string, string> = { ...config.variables, KONFORM_FILES: FILES.join(' '), KONFORM_LANG: 'en' };
    const reportFolder = variables.KONFORM_REPORT!;
    const shardJob = config['konform-shard']!;
    const total = shardJob.parallel!;
    // GitLab restores the artifacts of the jobs a job needs at their paths in its folder.
    const merge = await jobFolder('gitlab-merge');
    for (let index = 1; index <= total; index += 1) {
      const job = await jobFolder(`gitlab-shard-${index}`);
      const env = { ...variables, CI_NODE_INDEX: String(index), CI_NODE_TOTAL: String(total) };
      for (const line of shardJob.script) expect(bash(line, job, env).code, line).toBe(0);
      const [path] = shardJob.artifacts.paths.map((each) => each.replace('$CI_NODE_INDEX', String(index)));
      expect((await reportIn(join(job, path!))).shard).toMatchObject({ index, total });
      await rename(join(job, path!), join(merge, path!));
    }
    for (const line of config['konform-merge']!.script) {
      const merged = bash(line, merge, variables);
      expect(merged.stderr).not.toContain('konform:');
      expect(merged.code).toBe(whole.exitCode);
    }
    const report = await reportIn(join(merge, reportFolder));
    expect(judged(report)).toEqual(judged(whole));
    expect(config['konform-merge']!.artifacts.reports!.junit!.replace('$KONFORM_REPORT', reportFolder)).toBe(`${reportFolder}/junit.xml`);
    expect(await readdir(join(merge, reportFolder))).toContain('junit.xml');
  }, PIPELINE_TIMEOUT);
});
