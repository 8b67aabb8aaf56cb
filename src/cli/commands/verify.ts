/**
 * `konform verify <dir> --key <public.pem>`: checks a signed output folder offline. Exit 0
 * when the signature and every file hold, 1 naming what does not, 2 when there is nothing to
 * check (no attestation, an unreadable key, a malformed envelope).
 */
import { resolve } from 'node:path';
import { readKeyFile, verifyingKeyFromPem } from '../../attest/keys.js';
import { verifyFolder, type Problem, type Verification } from '../../attest/verify-folder.js';
import type { CliIo } from '../io.js';

function problemLine(problem: Problem): string {
  switch (problem.kind) {
    case 'signature':
      return `signature:  ${problem.message}`;
    case 'changed':
      return `changed:    ${problem.file} (sha256 ${problem.found}, attested ${problem.expected})`;
    case 'missing':
      return `missing:    ${problem.file} (attested, not in the folder)`;
    case 'unreadable':
      return `unreadable: ${problem.file} (${problem.error})`;
    case 'unexpected':
      return `unexpected: ${problem.file} (in the folder, not attested)`;
  }
}

function runLine({ predicate }: Verification): string {
  const { suite, profile, verdict, complete, finishedAt } = predicate;
  return `run: ${suite?.id} ${suite?.version}, profile ${profile?.id}, verdict ${verdict}${complete ? '' : ' (run incomplete)'}, finished ${finishedAt}`;
}

function verificationText(dir: string, verification: Verification): string {
  const { holds, keyid, subjects, filesHeld, problems } = verification;
  if (holds) {
    return [`verified: ${dir}`, `signed by the given key ${keyid} (Ed25519)`, `all ${subjects} attested files hold, and no other file is there`, runLine(verification), ''].join('\n');
  }
  return [
    `NOT verified: ${dir} (${problems.length} problem${problems.length === 1 ? '' : 's'})`,
    ...problems.map(problemLine),
    `${filesHeld} of ${subjects} attested files hold`,
    '',
  ].join('\n');
}

export async function verifyCommand(dir: string, flags: { key: string; json?: boolean }, io: CliIo): Promise<number> {
  const keyFile = resolve(io.cwd, flags.key);
  const key = verifyingKeyFromPem(await readKeyFile(keyFile), `the key file ${keyFile}`);
  const folder = resolve(io.cwd, dir);
  const verification = await verifyFolder(folder, key);
  io.stdout.write(flags.json ? `${JSON.stringify(verification, null, 2)}\n` : verificationText(folder, verification));
  return verification.holds ? 0 : 1;
}
