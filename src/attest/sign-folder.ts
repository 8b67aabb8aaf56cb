/**
 * Signs a run's output folder once its reports are written: attestation.json, a DSSE envelope
 * (dsse.ts) around an in-toto Statement v1 (statement.ts) whose subjects are every file in the
 * folder with its sha256 and whose predicate describes the run (predicate.ts).
 */
import { join } from 'node:path';
import { ERROR_CODES, KonformError } from '../model/errors.js';
import type { Report } from '../model/report.js';
import { ATTESTATION_FILE } from '../report/output-folder.js';
import { writeAtomically } from '../report/write-reports.js';
import { sealEnvelope } from './dsse.js';
import { fileDigests } from './file-digests.js';
import { folderFiles } from './folder-files.js';
import type { SigningKey } from './keys.js';
import { runPredicate, type InputDigest } from './predicate.js';
import { IN_TOTO_PAYLOAD_TYPE, runStatement, type Subject } from './statement.js';

function unsignable(outDir: string, message: string, cause?: unknown): KonformError {
  return new KonformError(ERROR_CODES.OUTPUT_UNWRITABLE, `cannot sign the output folder ${outDir}: ${message}`, { file: outDir }, { cause });
}

async function subjectsOf(outDir: string): Promise<Subject[]> {
  const { files, others } = await folderFiles(outDir);
  if (others.length > 0) throw unsignable(outDir, `${others.join(', ')} ${others.length === 1 ? 'is not a regular file' : 'are not regular files'}`);
  const digests = await fileDigests(files.map((name) => join(outDir, name)));
  return files.map((name, index) => {
    const digest = digests[index]!;
    if ('error' in digest) throw unsignable(outDir, `cannot read ${name}: ${digest.error}`);
    return { name, digest: { sha256: digest.sha256 } };
  });
}

async function inputDigests(files: readonly string[] | undefined): Promise<InputDigest[] | undefined> {
  if (!files) return undefined;
  return (await fileDigests(files)).map((digest, index) => ({ path: files[index]!, ...digest }));
}

/** Writes `attestation.json` into `outDir` and returns its path. */
export async function signFolder(outDir: string, report: Report, key: SigningKey): Promise<string> {
  if (report.signer && report.signer.keyid !== key.signer.keyid) {
    throw new KonformError(ERROR_CODES.USAGE, `the report names signer ${report.signer.keyid}, not the key given (${key.signer.keyid})`);
  }
  const path = join(outDir, ATTESTATION_FILE);
  try {
    const statement = runStatement(await subjectsOf(outDir), runPredicate(report, await inputDigests(report.target.files)));
    const envelope = sealEnvelope(IN_TOTO_PAYLOAD_TYPE, Buffer.from(JSON.stringify(statement)), key);
    await writeAtomically(path, [`${JSON.stringify(envelope, null, 2)}\n`]);
  } catch (error) {
    if (error instanceof KonformError) throw error;
    throw unsignable(outDir, (error as Error).message, error);
  }
  return path;
}
