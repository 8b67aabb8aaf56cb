/**
 * `konform merge <dir>… --out <dir>`: the report folders of the shards of one run
 * (`konform validate --shard i/n`, each job of a CI matrix) joined into one report folder with
 * one verdict, every format written again from it and, with a key, signed. Folders that are
 * not the shards 1 to n of one run are refused (exit 2); the exit code is the merged report's.
 */
import { resolve } from 'node:path';
import { signFolder } from '../../attest/sign-folder.js';
import { checkShards } from '../../merge/check-shards.js';
import { mergeShards } from '../../merge/merge-shards.js';
import { suiteOfShards } from '../../merge/suite-of-shards.js';
import { DEFAULT_LANGUAGE, languageFrom } from '../../report/i18n/index.js';
import { claimOutputFolder } from '../../report/output-folder.js';
import { readReport } from '../../report/read-report.js';
import { writeReports } from '../../report/write-reports.js';
import type { CliIo } from '../io.js';
import { printOutcome } from '../run-and-report.js';
import { signingKeyFrom } from '../sign-key-option.js';
import type { MergeFlags } from './merge-options.js';

export async function mergeCommand(folders: string[], flags: MergeFlags, io: CliIo): Promise<number> {
  const lang = languageFrom(flags.lang ?? DEFAULT_LANGUAGE, '--lang');
  const signingKey = await signingKeyFrom(flags, io.env);
  const read = await Promise.all(folders.map(async (folder) => ({ folder, report: await readReport(resolve(io.cwd, folder)) })));
  const shards = checkShards(read);
  const { suite, standard } = await suiteOfShards(shards[0]!.report, flags.suite);
  const report = mergeShards(shards, { suite, standard, cwd: io.cwd, ...(signingKey ? { signer: signingKey.signer } : {}) });
  const out = resolve(io.cwd, flags.out);
  await claimOutputFolder(out, flags.force ?? false);
  await writeReports(report, out, { render: { lang } });
  const attestation = signingKey ? await signFolder(out, report, signingKey) : undefined;
  printOutcome(io, report, out, attestation);
  return report.exitCode;
}
