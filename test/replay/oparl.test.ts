/**
 * oparl-1.1 recorded against the OParl reference server, oparl-1.0 against the recorded answers
 * of a real OParl 1.0 server (whose gaps close the connection: transport failures, replayed as
 * such), each replayed with the server stopped: the same results and requirements.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startOParlServer } from '../../fixtures/oparl/server.js';
import { startRealWorldServer } from '../../fixtures/oparl-real-world/server.js';
import { judged, recordRun, replay } from './record-and-replay.js';

const scratch = await mkdtemp(join(tmpdir(), 'konform-replay-oparl-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('OParl, recorded and replayed without the server', () => {
  it('oparl-1.1 against the reference server', async () => {
    const server = await startOParlServer();
    const recorded = await recordRun(['oparl-1.1', '--target', server.url, '--profile', 'without-https', '--rate', '0'], join(scratch, '1.1'), server);
    const replayed = await replay(join(scratch, '1.1'), join(scratch, '1.1-replayed'));
    expect(judged(replayed.report)).toEqual(judged(recorded));
    expect([recorded.verdict, replayed.report.verdict]).toEqual(['conformant', 'conformant']);
  });

  it('oparl-1.0 against the answers of a real OParl 1.0 server, its gaps included', async () => {
    const server = await startRealWorldServer();
    const recorded = await recordRun(['oparl-1.0', '--target', server.url, '--profile', 'without-https', '--rate', '0'], join(scratch, '1.0'), server);
    const replayed = await replay(join(scratch, '1.0'), join(scratch, '1.0-replayed'));
    expect(judged(replayed.report)).toEqual(judged(recorded));
    // The gaps of the answers are transport failures in the recording, and in the replay; after
    // ten in a row the run stopped sending to the server, and so does the replay, at the same request.
    expect(recorded.exchanges.some((exchange) => exchange.error?.reason === 'connectionReset')).toBe(true);
    expect(recorded.stoppedHosts).toHaveLength(1);
    expect(replayed.report.stoppedHosts).toEqual(recorded.stoppedHosts);
    expect([replayed.report.verdict, replayed.code]).toEqual([recorded.verdict, recorded.exitCode]);
  });
});
