/**
 * The command tree of the `konform` CLI. Commands return exit codes; only main.ts exits. `run`
 * and `validate` are loaded with the tree; every other command's module when it runs, so that
 * a run does not load what a diff, a batch or a signature check needs.
 */
import { Command, CommanderError } from 'commander';
import { TOOL_VERSION } from '../core/package-root.js';
import { defineBatchOptions, type BatchFlags } from './commands/batch-options.js';
import { defineDiffOptions, type DiffFlags } from './commands/diff-options.js';
import { defineMergeOptions, type MergeFlags } from './commands/merge-options.js';
import { defineReportOptions, type ReportFlags } from './commands/report-options.js';
import { defineReplayOptions, type ReplayFlags } from './commands/replay-options.js';
import { defineRunOptions, runCommand, type RunFlags } from './commands/run.js';
import { defineValidateOptions, validateCommand } from './commands/validate.js';
import type { CommonRunFlags } from './run-and-report.js';
import type { CliIo } from './io.js';

export function buildProgram(io: CliIo, setExitCode: (code: number) => void): Command {
  const program = new Command('konform')
    .description('Conformance runs of live endpoints and message files against versioned suites of open standards.')
    .version(TOOL_VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    .showHelpAfterError('(konform --help lists the commands)');

  defineRunOptions(
    program
      .command('run')
      .description('run a suite against a live endpoint and write its reports: report.json, report.html, summary.md, junit.xml and more')
      .argument('<suite>', 'suite id (see konform list) or path of a suite folder'),
  ).action(async (suite: string, flags: RunFlags) => setExitCode(await runCommand(suite, flags, io)));

  defineValidateOptions(
    program
      .command('validate')
      .description('validate message files (files, folders, globs) with a suite and write the same reports')
      .argument('<suite>', 'suite id (see konform list) or path of a suite folder')
      .argument('<inputs...>', 'message files, folders (every .xml below them) or glob patterns'),
  ).action(async (suite: string, inputs: string[], flags: CommonRunFlags) =>
    setExitCode(await validateCommand(suite, inputs, flags, io)),
  );

  defineMergeOptions(
    program
      .command('merge')
      .description('join the report folders of the shards of one run (validate --shard i/n) into one report folder with one verdict')
      .argument('<folders...>', 'the output folders of the shards 1/n to n/n'),
  ).action(async (folders: string[], flags: MergeFlags) => setExitCode(await (await import('./commands/merge.js')).mergeCommand(folders, flags, io)));

  defineBatchOptions(
    program
      .command('batch')
      .description('run the suites a plan lists against its targets, several at once: a folder per run, index.json and index.html over them')
      .argument('<plan>', 'the plan (YAML, see batch-plan.schema.json): runs, each a suite with a target or message files'),
  ).action(async (plan: string, flags: BatchFlags) => setExitCode(await (await import('./commands/batch.js')).batchCommand(plan, flags, io)));

  program
    .command('list')
    .description('list the suites and standards konform ships, with their versions')
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }) => setExitCode(await (await import('./commands/list.js')).listCommand(flags, io)));

  program
    .command('kinds')
    .description('list the check kinds a suite can name, with their options; with a kind, print its options JSON Schema')
    .argument('[kind]', 'a check kind, e.g. xml.xsd')
    .option('--json', 'print JSON')
    .action(async (kind: string | undefined, flags: { json?: boolean }) => setExitCode(await (await import('./commands/kinds.js')).kindsCommand(kind, flags, io)));

  program
    .command('codes')
    .description('list the finding codes a report can carry, with what each means')
    .argument('[code]', 'a finding code, e.g. status-undocumented')
    .option('--json', 'print JSON')
    .action(async (code: string | undefined, flags: { json?: boolean }) => setExitCode((await import('./commands/codes.js')).codesCommand(code, flags, io)));

  program
    .command('keygen')
    .description('make an Ed25519 key pair for signing output folders (--sign-key): private.pem and public.pem')
    .requiredOption('--out <dir>', 'folder for the key files')
    .option('--force', 'replace key files already there', false)
    .action(async (flags: { out: string; force?: boolean }) => setExitCode(await (await import('./commands/keygen.js')).keygenCommand(flags, io)));

  program
    .command('verify')
    .description("check a signed output folder offline: attestation.json's signature and every file's sha256")
    .argument('<dir>', 'output folder of a run signed with --sign-key')
    .requiredOption('--key <file>', "the signer's public key (PEM)")
    .option('--json', 'print JSON')
    .action(async (dir: string, flags: { key: string; json?: boolean }) => setExitCode(await (await import('./commands/verify.js')).verifyCommand(dir, flags, io)));

  defineDiffOptions(
    program
      .command('diff')
      .description('compare two runs of the same suite: regressions, fixes, new and gone findings; exit 1 when something regressed')
      .argument('<a>', 'the earlier run: its output folder or report.json')
      .argument('<b>', 'the later run: its output folder or report.json'),
  ).action(async (a: string, b: string, flags: DiffFlags) => setExitCode(await (await import('./commands/diff.js')).diffCommand(a, b, flags, io)));

  defineReportOptions(
    program
      .command('report')
      .description('render report formats again from the report.json of a run (another language, EARL, SARIF, …)')
      .argument('<report>', 'output folder of a run, or its report.json'),
  ).action(async (source: string, flags: ReportFlags) => setExitCode(await (await import('./commands/report.js')).reportCommand(source, flags, io)));

  defineReplayOptions(
    program
      .command('replay')
      .description('judge a run recorded with run --record again from its recording, without any network, and write the same reports')
      .argument('<recording>', 'output folder of a run made with --record, or its exchanges.har'),
  ).action(async (source: string, flags: ReplayFlags) => setExitCode(await (await import('./commands/replay.js')).replayCommand(source, flags, io)));

  const suite = program.command('suite').description('tools for suite authors');
  suite
    .command('lint')
    .description('validate a suite file, its check options and its standard')
    .argument('<suite>', 'suite id or path')
    .action(async (name: string) => setExitCode(await (await import('./commands/suite.js')).lintCommand(name, io)));
  suite
    .command('coverage')
    .description('list the requirements of the standard and the checks verifying them')
    .argument('<suite>', 'suite id or path')
    .option('--json', 'print JSON')
    .option('--strict', 'exit 1 when a requirement has neither a check nor a reason it is not testable')
    .action(async (name: string, flags: { json?: boolean; strict?: boolean }) =>
      setExitCode(await (await import('./commands/suite.js')).coverageCommand(name, flags, io)),
    );
  suite
    .command('selftest')
    .description("validate the suite's sample messages under their <?xmute?> declarations: every declaration must hold")
    .argument('<suite>', 'suite id or path')
    .option('--profile <id>', "profile of the suite (default: the suite's default profile)")
    .option('--keep <dir>', 'keep the mutated documents in this folder')
    .option('--json', 'print JSON')
    .action(async (name: string, flags: { profile?: string; keep?: string; json?: boolean }) =>
      setExitCode(await (await import('./commands/suite.js')).selftestCommand(name, flags, io)),
    );
  suite
    .command('pin')
    .description("rewrite the sha256 pins of the suite's standard that no longer match their artifacts, showing each change")
    .argument('<suite>', 'suite id or path')
    .option('--check', 'only show the stale pins; exit 1 when there are any')
    .action(async (name: string, flags: { check?: boolean }) => setExitCode(await (await import('./commands/pin.js')).pinCommand(name, flags, io)));
  return program;
}

export { CommanderError };
