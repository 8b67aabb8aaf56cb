/**
 * `verify-folder`: `konform verify` of a signed output folder of over 100 MB, from the start of
 * the process to its exit, held to 2 s. The folder is a real run's (xwasser-1.0 over one sample
 * message: every report format and the journal) whose report.json is replaced by 100 MiB of
 * synthetic results before it is signed. The baseline is `sha256sum` of the same files, in the
 * same run, after both have read the folder once (so that both find it in the page cache).
 */
import { mkdtemp, open, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPair, signingKeyFromPem, verifyingKeyFromPem } from '../src/attest/keys.js';
import { signFolder } from '../src/attest/sign-folder.js';
import { verifyFolder } from '../src/attest/verify-folder.js';
import { PACKAGE_ROOT } from '../src/core/package-root.js';
import { run } from '../src/run/run.js';
import { loadAverage, measured, median, round, type Measurement } from './measurement.js';
import { runProcess } from './processes.js';

const LIMIT_MS = 2000;
const REPORT_BYTES = 100 * 2 ** 20;
const ROUNDS = 3;
const CLI = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');
const MESSAGE = join(PACKAGE_ROOT, 'fixtures', 'xoev', 'xwasser', 'administration_receipt.xml');

/** One MiB of results as report.json holds them: a failed check with a finding, repeated. */
function resultsChunk(): Buffer {
  const result = (index: number) =>
    JSON.stringify({
      id: `xsd/message-${index}.xml`, check: 'xsd', kind: 'xml.xsd', class: 'core', title: 'valid against the XML Schema',
      subject: { id: `/data/messages/message-${index}.xml`, title: `message-${index}.xml` }, severity: 'error', outcome: 'failed', durationMs: 3.2,
      findings: [{ code: 'xsd-invalid', message: `Element 'probennahmestelleKategorie': This element is not expected (line ${index}).`, location: { line: 74, column: 9 } }],
      evidence: [],
    }, null, 2);
  const pieces: string[] = [];
  let bytes = 0;
  for (let index = 0; bytes < 2 ** 20; index += 1) {
    const piece = `${result(index)},\n`;
    pieces.push(piece);
    bytes += piece.length;
  }
  return Buffer.from(pieces.join('')).subarray(0, 2 ** 20);
}

/** report.json of REPORT_BYTES: an opening, whole MiB of results, a closing. */
async function writeLargeReport(file: string): Promise<void> {
  const handle = await open(file, 'w');
  try {
    const chunk = resultsChunk();
    await handle.write('{"reportVersion":"1.0","results":[\n');
    for (let written = 0; written < REPORT_BYTES; written += chunk.length) await handle.write(chunk);
    await handle.write('{}]}\n');
  } finally {
    await handle.close();
  }
}

async function folderBytes(out: string): Promise<{ files: string[]; bytes: number }> {
  const files = (await readdir(out)).map((name) => join(out, name));
  const sizes = await Promise.all(files.map(async (file) => (await stat(file)).size));
  return { files, bytes: sizes.reduce((sum, size) => sum + size, 0) };
}

export async function verifySignedFolder(): Promise<Measurement> {
  const base = {
    id: 'verify-folder',
    title: 'konform verify of a signed output folder of over 100 MB, process start to exit',
    target: { ratio: 1, meaning: `${LIMIT_MS} ms ÷ the wall clock of konform verify (under ${LIMIT_MS} ms)` },
  };
  const scratch = await mkdtemp(join(tmpdir(), 'konform-bench-verify-'));
  try {
    const out = join(scratch, 'out');
    const pair = generateKeyPair();
    const key = signingKeyFromPem(pair.privatePem, 'bench');
    const publicKey = join(scratch, 'public.pem');
    await writeFile(publicKey, pair.publicPem);
    const report = await run({ suite: 'xwasser-1.0', target: { files: [MESSAGE] }, out, signer: key.signer });
    await writeLargeReport(join(out, 'report.json'));
    const signStarted = performance.now();
    await signFolder(out, report, key);
    const signMs = round(performance.now() - signStarted);
    const { files, bytes } = await folderBytes(out);
    const hashed = files.filter((file) => !file.endsWith('attestation.json'));

    const verify = () => runProcess(process.execPath, [CLI, 'verify', out, '--key', publicKey]);
    const sha256sum = () => runProcess('sha256sum', hashed);
    const loadBefore = loadAverage();
    const warm = [await verify(), await sha256sum()];
    if (warm.some((finished) => finished.code !== 0)) throw new Error(`verify or sha256sum failed: ${warm.map((finished) => finished.stderr).join(' ')}`);
    const verifyMs: number[] = [];
    const sha256sumMs: number[] = [];
    const inProcessMs: number[] = [];
    const verifying = verifyingKeyFromPem(pair.publicPem, 'bench');
    for (let attempt = 0; attempt < ROUNDS; attempt += 1) {
      verifyMs.push((await verify()).wallMs);
      sha256sumMs.push((await sha256sum()).wallMs);
      const started = performance.now();
      if (!(await verifyFolder(out, verifying)).holds) throw new Error('the folder does not verify');
      inProcessMs.push(performance.now() - started);
    }
    const konformMs = round(median(verifyMs));
    const baselineMs = round(median(sha256sumMs));
    const megabytes = round(bytes / 1e6);
    return measured(
      base,
      LIMIT_MS / konformMs,
      { konform: `verify ${konformMs} ms (${megabytes} MB, ${files.length} files)`, baseline: `sha256sum ${baselineMs} ms; limit ${LIMIT_MS} ms` },
      {
        folderBytes: bytes,
        files: files.length,
        verifyMs: verifyMs.map((ms) => round(ms)),
        sha256sumMs: sha256sumMs.map((ms) => round(ms)),
        verifyInProcessMs: inProcessMs.map((ms) => round(ms)),
        signMs,
        loadAverage: { before: loadBefore, after: loadAverage() },
      },
      [
        `The folder: a real run (library run(), xwasser-1.0 over fixtures/xoev/xwasser/administration_receipt.xml) with every report format and the journal; report.json then replaced by ${REPORT_BYTES / 2 ** 20} MiB of synthetic check results (valid JSON), and the folder signed with signFolder (signMs).`,
        `verifyMs: node dist/src/cli/main.js verify <folder> --key public.pem, spawn to exit (median of ${ROUNDS}, after one warm-up run); it checks the Ed25519 signature and streams every file through sha256.`,
        'sha256sumMs: GNU sha256sum over the same files (the attestation excepted), spawn to exit, in the same rounds: the cost of the hashing alone, without Node.js start-up.',
        'verifyInProcessMs: verifyFolder() in the bench process, without the start-up of a process.',
      ],
    );
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
