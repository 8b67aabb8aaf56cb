/** A signed output folder of the sample report, and ways to read and rewrite its attestation. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateKeyPair, signingKeyFromPem, verifyingKeyFromPem, type SigningKey, type VerifyingKey } from '../../src/attest/keys.js';
import { signFolder } from '../../src/attest/sign-folder.js';
import type { Envelope } from '../../src/attest/dsse.js';
import type { Statement } from '../../src/attest/statement.js';
import type { Report } from '../../src/model/report.js';
import { writeReports } from '../../src/report/write-reports.js';
import { sampleReport } from '../helpers/sample-report.js';

export interface KeyPair {
  signing: SigningKey;
  verifying: VerifyingKey;
  privatePem: string;
  publicPem: string;
}

export function newKeyPair(): KeyPair {
  const { privatePem, publicPem } = generateKeyPair();
  return { signing: signingKeyFromPem(privatePem, 'test'), verifying: verifyingKeyFromPem(publicPem, 'test'), privatePem, publicPem };
}

/** The sample report's formats, a journal and a file in a subfolder, signed with `key`. */
export async function signedFolder(out: string, key: SigningKey, report: Report = sampleReport()): Promise<Report> {
  report.signer = key.signer;
  await writeReports(report, out);
  await writeFile(join(out, 'journal.jsonl'), '{"type":"start"}\n');
  await mkdir(join(out, 'screens'));
  await writeFile(join(out, 'screens', 'first.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  await signFolder(out, report, key);
  return report;
}

export async function readEnvelope(out: string): Promise<Envelope> {
  return JSON.parse(await readFile(join(out, 'attestation.json'), 'utf8')) as Envelope;
}

export function statementOf(envelope: Envelope): Statement {
  return JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8')) as Statement;
}

export async function rewriteEnvelope(out: string, change: (envelope: Envelope) => unknown): Promise<void> {
  const envelope = await readEnvelope(out);
  await writeFile(join(out, 'attestation.json'), JSON.stringify(change(envelope) ?? envelope));
}
