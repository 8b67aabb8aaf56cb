/** The command tree of the `konform` CLI. Commands return exit codes; only main.ts exits. */
import { Command, CommanderError } from 'commander';
import { TOOL_VERSION } from '../core/package-root.js';
import { batchCommand, defineBatchOptions, type BatchFlags } from './commands/batch.js';
import { codesCommand } from './commands/codes.js';
import { defineDiffOptions, diffCommand, type DiffFlags } from './commands/diff.js';
import { keygenCommand } from './commands/keygen.js';
import { defineMergeOptions, mergeCommand, type MergeFlags } from './commands/merge.js';
import { kindsCommand } from './commands/kinds.js';
import { listCommand } from './commands/list.js';
import { pinCommand } from './commands/pin.js';
import { defineReportOptions, reportCommand, type ReportFlags } from './commands/report.js';
import { defineReplayOptions, replayCommand, type ReplayFlags } from './commands/replay.js';
import { defineRunOptions, runCommand, type RunFlags } from './commands/run.js';
import { coverageCommand, lintCommand, selftestCommand } from './commands/suite.js';
import { defineValidateOptions, validateCommand } from './commands/validate.js';
import { verifyCommand } from './commands/verify.js';
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
  ).action(async (folders: string[], flags: MergeFlags) => setExitCode(await mergeCommand(folders, flags, io)));

  defineBatchOptions(
    program
      .command('batch')
      .description('run the suites a plan lists against its targets, several at once: a folder per run, index.json and index.html over them')
      .argument('<plan>', 'the plan (YAML, see batch-plan.schema.json): runs, each a suite with a target or message files'),
  ).action(async (plan: string, flags: BatchFlags) => setExitCode(await batchCommand(plan, flags, io)));

  program
    .command('list')
    .description('list the suites and standards konform ships, with their versions')
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }) => setExitCode(await listCommand(flags, io)));

  program
    .command('kinds')
    .description('list the check kinds a suite can name, with their options; with a kind, print its options JSON Schema')
    .argument('[kind]', 'a check kind, e.g. xml.xsd')
    .option('--json', 'print JSON')
    .action(async (kind: string | undefined, flags: { json?: boolean }) => setExitCode(await kindsCommand(kind, flags, io)));

  program
    .command('codes')
    .description('list the finding codes a report can carry, with what each means')
    .argument('[code]', 'a finding code, e.g. status-undocumented')
    .option('--json', 'print JSON')
    .action((code: string | undefined, flags: { json?: boolean }) => setExitCode(codesCommand(code, flags, io)));

  program
    .command('keygen')
    .description('make an Ed25519 key pair for signing output folders (--sign-key): private.pem and public.pem')
    .requiredOption('--out <dir>', 'folder for the key files')
    .option('--force', 'replace key files already there', false)
    .action(async (flags: { out: string; force?: boolean }) => setExitCode(await keygenCommand(flags, io)));

  program
    .command('verify')
    .description("check a signed output folder offline: attestation.json's signature and every file's sha256")
    .argument('<dir>', 'output folder of a run signed with --sign-key')
    .requiredOption('--key <file>', "the signer's public key (PEM)")
    .option('--json', 'print JSON')
    .action(async (dir: string, flags: { key: string; json?: boolean }) => setExitCode(await verifyCommand(dir, flags, io)));

  defineDiffOptions(
    program
      .command('diff')
      .description('compare two runs of the same suite: regressions, fixes, new and gone findings; exit 1 when something regressed')
      .argument('<a>', 'the earlier run: its output folder or report.json')
      .argument('<b>', 'the later run: its output folder or report.json'),
  ).action(async (a: string, b: string, flags: DiffFlags) => setExitCode(await diffCommand(a, b, flags, io)));

  defineReportOptions(
    program
      .command('report')
      .description('render report formats again from the report.json of a run (another language, EARL, SARIF, …)')
      .argument('<report>', 'output folder of a run, or its report.json'),
  ).action(async (source: string, flags: ReportFlags) => setExitCode(await reportCommand(source, flags, io)));

  defineReplayOptions(
    program
      .command('replay')
      .description('judge a run recorded with run --record again from its recording, without any network, and write the same reports')
      .argument('<recording>', 'output folder of a run made with --record, or its exchanges.har'),
  ).action(async (source: string, flags: ReplayFlags) => setExitCode(await replayCommand(source, flags, io)));

  const suite = program.command('suite').description('tools for suite authors');
  suite
    .command('lint')
    .description('validate a suite file, its check options and its standard')
    .argument('<suite>', 'suite id or path')
    .action(async (name: string) => setExitCode(await lintCommand(name, io)));
  suite
    .command('coverage')
    .description('list the requirements of the standard and the checks verifying them')
    .argument('<suite>', 'suite id or path')
    .option('--json', 'print JSON')
    .option('--strict', 'exit 1 when a requirement has neither a check nor a reason it is not testable')
    .action(async (name: string, flags: { json?: boolean; strict?: boolean }) =>
      setExitCode(await coverageCommand(name, flags, io)),
    );
  suite
    .command('selftest')
    .description("validate the suite's sample messages under their <?xmute?> declarations: every declaration must hold")
    .argument('<suite>', 'suite id or path')
    .option('--profile <id>', "profile of the suite (default: the suite's default profile)")
    .option('--keep <dir>', 'keep the mutated documents in this folder')
    .option('--json', 'print JSON')
    .action(async (name: string, flags: { profile?: string; keep?: string; json?: boolean }) =>
      setExitCode(await selftestCommand(name, flags, io)),
    );
  suite
    .command('pin')
    .description("rewrite the sha256 pins of the suite's standard that no longer match their artifacts, showing each change")
    .argument('<suite>', 'suite id or path')
    .option('--check', 'only show the stale pins; exit 1 when there are any')
    .action(async (name: string, flags: { check?: boolean }) => setExitCode(await pinCommand(name, flags, io)));
  return program;
}

export { CommanderError };
