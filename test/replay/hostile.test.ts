/**
 * openapi-contract recorded against the hostile server and replayed without it: every way a
 * request can end — a timeout, a body cut at the size limit (declared or not, coded or not), a
 * redirect loop, a reset connection, a malformed answer, a body that does not decode — is
 * recorded as such and replayed as it was, so the results and requirements are the same, though
 * the replay waits for no deadline.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostileServer } from '../../fixtures/hostile/server.js';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';
import type { Report } from '../../src/model/report.js';
import type { Har, HarEntry } from '../../src/replay/har.js';
import { readRecording } from '../../src/replay/har-reader.js';
import { judged, recordRun, replay } from './record-and-replay.js';

const SPEC = join(PACKAGE_ROOT, 'fixtures', 'hostile', 'openapi.yaml');
const LIMIT = 64 * 1024;
const scratch = await mkdtemp(join(tmpdir(), 'konform-replay-hostile-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

let recorded: Report;
let har: Har;
beforeAll(async () => {
  const server = await startHostileServer();
  const flags = ['--spec', SPEC, '--profile', 'responses', '--timeout', '2000', '--max-response-bytes', String(LIMIT)];
  recorded = await recordRun(['openapi-contract', '--target', server.url, ...flags], join(scratch, 'recorded'), server);
  har = JSON.parse(await readFile(join(scratch, 'recorded', 'exchanges.har'), 'utf8')) as Har;
}, 60_000);

const entriesOf = (path: string): HarEntry[] => har.log.entries.filter((entry) => new URL(entry.request.url).pathname === path);

describe('the hostile server, recorded and replayed', () => {
  it('is recorded as a valid HAR 1.2 log', async () => {
    expect((await readRecording(join(scratch, 'recorded', 'exchanges.har'))).entries).toHaveLength(har.log.entries.length);
  });

  it('replays to the recorded results and requirements', async () => {
    const replayed = await replay(join(scratch, 'recorded'), join(scratch, 'replayed'));
    expect(judged(replayed.report)).toEqual(judged(recorded));
    expect([replayed.report.verdict, replayed.code]).toEqual([recorded.verdict, recorded.exitCode]);
  });

  it('records a body cut at the size limit as such, with what came up to the limit', () => {
    for (const path of ['/huge', '/gzip-bomb']) {
      const [entry] = entriesOf(path);
      expect(entry?._konform).toMatchObject({ cut: true, error: { reason: 'tooLarge' } });
      expect(entry?.response.content).toMatchObject({ size: LIMIT, comment: expect.stringContaining('cut at the size limit') });
      const { text = '', encoding } = entry?.response.content ?? {};
      expect(Buffer.from(text, encoding === 'base64' ? 'base64' : 'utf8').length).toBe(LIMIT);
    }
    // The bomb's zeros are binary (MIME Sniffing): base64, not six characters of JSON each.
    expect(entriesOf('/gzip-bomb')[0]?.response.content.encoding).toBe('base64');
  });

  it('records the decoded body of a coded answer, with its Content-Encoding', () => {
    const [entry] = entriesOf('/encoded');
    expect(entry?.response.headers).toContainEqual({ name: 'content-encoding', value: 'gzip' });
    expect(entry?.response.content.text).toBe('{"ok":true}');
  });

  it('records a request without an answer as status 0 with its reason, and each hop of a redirect', () => {
    expect(entriesOf('/slow-headers').map((entry) => [entry.response.status, entry._konform?.error?.reason])).toEqual([[0, 'timeout']]);
    expect(entriesOf('/reset').map((entry) => entry._konform?.error?.reason)).toEqual(['connectionReset']);
    const loop = entriesOf('/redirect-loop');
    expect(loop.map((entry) => [entry.response.status, entry.response.redirectURL])).toEqual(Array(6).fill([302, '/redirect-loop']));
  });
});
