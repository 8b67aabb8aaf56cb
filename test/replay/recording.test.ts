/**
 * The recording in the output folder: written only when asked for (and only with an output
 * folder), one of the run's files (an earlier run's is refused, or replaced with --force), and
 * held to the declared document as it was: a replay refuses a document changed since, unless
 * another is given.
 */
import { appendFile, copyFile, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPegelServer, type PegelServer } from '../../fixtures/pegel-online/server.js';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';
import { ERROR_CODES } from '../../src/model/errors.js';
import { claimOutputFolder } from '../../src/report/output-folder.js';
import { run } from '../../src/run/run.js';
import { runCli } from '../helpers/cli.js';
import { judged, readReport, replay } from './record-and-replay.js';

const scratch = await mkdtemp(join(tmpdir(), 'konform-replay-recording-'));
const spec = join(scratch, 'openapi.yaml');
let server: PegelServer;
beforeAll(async () => {
  await copyFile(join(PACKAGE_ROOT, 'fixtures', 'pegel-online', 'openapi.yaml'), spec);
  server = await startPegelServer();
});
afterAll(async () => {
  await server.close();
  await rm(scratch, { recursive: true, force: true });
});

describe('the recording of a run', () => {
  it('is written only when asked for', async () => {
    const out = join(scratch, 'unrecorded');
    await run({ suite: 'openapi-contract', target: { url: server.url, spec }, out });
    expect(await readdir(out)).not.toContain('exchanges.har');
  });

  it('needs an output folder', async () => {
    await expect(run({ suite: 'openapi-contract', target: { url: server.url, spec }, record: true })).rejects.toMatchObject({
      code: ERROR_CODES.USAGE,
      message: expect.stringContaining('a recording (record) is written into the output folder'),
    });
  });

  it("is one of the run's files: an earlier run's is refused, and replaced with --force", async () => {
    const out = join(scratch, 'earlier');
    await claimOutputFolder(out, false);
    await writeFile(join(out, 'exchanges.har'), '{}');
    await expect(claimOutputFolder(out, false)).rejects.toMatchObject({ message: expect.stringContaining('(exchanges.har)') });
    const cli = await runCli(['run', 'openapi-contract', '--target', server.url, '--spec', spec, '--out', out, '--force', '--record']);
    expect(cli.code, cli.stderr).toBe(0);
    const replayed = await replay(out, join(scratch, 'earlier-replayed'));
    expect(judged(replayed.report)).toEqual(judged(await readReport(out)));
  });

  it('holds the replay to the declared document as it was; another can be given', async () => {
    const out = join(scratch, 'document');
    const cli = await runCli(['run', 'openapi-contract', '--target', server.url, '--spec', spec, '--out', out, '--record']);
    expect(cli.code, cli.stderr).toBe(0);
    await appendFile(spec, '\n# changed after the run\n');
    const refused = await runCli(['replay', out, '--out', join(scratch, 'document-refused')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`the declared document ${spec} changed since the run was recorded`);
    const given = await replay(out, join(scratch, 'document-given'), ['--spec', spec]);
    expect(judged(given.report)).toEqual(judged(await readReport(out)));
  });
});
