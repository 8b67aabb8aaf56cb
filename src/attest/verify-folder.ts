/**
 * Checks a signed output folder offline: the DSSE signature of attestation.json with the given
 * public key, then every file of the folder against the statement's subjects — each file's
 * sha256, and no file missing or added. A folder without a readable attestation, or with one
 * that is not a konform run attestation, is ATTESTATION_INVALID or USAGE (the CLI's exit 2);
 * what does not hold is listed in `problems`.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ERROR_CODES, KonformError } from '../model/errors.js';
import { ATTESTATION_FILE } from '../report/output-folder.js';
import { openEnvelope, signatureHolds, type OpenedEnvelope } from './dsse.js';
import { fileDigests } from './file-digests.js';
import { folderFiles } from './folder-files.js';
import { malformed } from './json-shape.js';
import type { VerifyingKey } from './keys.js';
import type { RunPredicate } from './predicate.js';
import { IN_TOTO_PAYLOAD_TYPE, readStatement, type ReadStatement } from './statement.js';

export type Problem =
  | { kind: 'signature'; message: string }
  | { kind: 'changed'; file: string; expected: string; found: string }
  | { kind: 'missing'; file: string; expected: string }
  | { kind: 'unreadable'; file: string; error: string }
  | { kind: 'unexpected'; file: string };

export interface Verification {
  /** The signature and every file hold. */
  holds: boolean;
  /** The fingerprint of the key checked against. */
  keyid: string;
  /** The keyids the envelope names: hints, not what decides. */
  namedKeys: string[];
  /** How many files the attestation lists, and how many of them hold. */
  subjects: number;
  filesHeld: number;
  problems: Problem[];
  /** The run as the attestation describes it; to be trusted only when `holds`. */
  predicate: Partial<RunPredicate>;
}

async function readAttestation(dir: string): Promise<{ file: string; text: string }> {
  const isFolder = await stat(dir).then((found) => found.isDirectory(), () => false);
  if (!isFolder) throw new KonformError(ERROR_CODES.USAGE, `${dir} is not a folder: give the output folder of a signed run`);
  const file = join(dir, ATTESTATION_FILE);
  try {
    return { file, text: await readFile(file, 'utf8') };
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new KonformError(
      ERROR_CODES.USAGE,
      missing ? `no ${ATTESTATION_FILE} in ${dir}: the run was not signed (--sign-key)` : `cannot read ${file}: ${(error as Error).message}`,
    );
  }
}

function signatureProblem(envelope: OpenedEnvelope, key: VerifyingKey): Problem {
  const named = envelope.signatures.map(({ keyid }) => keyid).filter((keyid) => keyid !== '');
  const message = named.includes(key.keyid)
    ? 'the signature does not hold: the attestation was changed after it was signed'
    : `not signed by the given key (${key.keyid}); the attestation names ${named.length > 0 ? named.join(', ') : 'no key'}`;
  return { kind: 'signature', message };
}

/** The folder's files against the statement's subjects, in file name order. */
async function fileProblems(dir: string, statement: ReadStatement): Promise<{ problems: Problem[]; held: number }> {
  const { files, others } = await folderFiles(dir);
  const present = files.filter((name) => statement.subjects.has(name));
  const digests = await fileDigests(present.map((name) => join(dir, name)));
  const found = new Map(present.map((name, index) => [name, digests[index]!]));
  const problems: Array<Exclude<Problem, { kind: 'signature' }>> = [];
  let held = 0;
  for (const [file, expected] of statement.subjects) {
    const digest = found.get(file);
    if (!digest) problems.push({ kind: 'missing', file, expected });
    else if ('error' in digest) problems.push({ kind: 'unreadable', file, error: digest.error });
    else if (digest.sha256 !== expected) problems.push({ kind: 'changed', file, expected, found: digest.sha256 });
    else held += 1;
  }
  const added = files.filter((name) => !statement.subjects.has(name));
  problems.push(...[...added, ...others].map((file) => ({ kind: 'unexpected' as const, file })));
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { problems, held };
}

export async function verifyFolder(dir: string, key: VerifyingKey): Promise<Verification> {
  const { file, text } = await readAttestation(dir);
  const envelope = openEnvelope(text, file);
  if (envelope.payloadType !== IN_TOTO_PAYLOAD_TYPE) throw malformed(file, '/payloadType', `must be ${IN_TOTO_PAYLOAD_TYPE} (an in-toto Statement)`);
  const signed = signatureHolds(envelope, key);
  const statement = readStatement(envelope.payload, file);
  const files = await fileProblems(dir, statement);
  const problems = signed ? files.problems : [signatureProblem(envelope, key), ...files.problems];
  return {
    holds: problems.length === 0,
    keyid: key.keyid,
    namedKeys: envelope.signatures.map(({ keyid }) => keyid),
    subjects: statement.subjects.size,
    filesHeld: files.held,
    problems,
    predicate: statement.predicate,
  };
}
