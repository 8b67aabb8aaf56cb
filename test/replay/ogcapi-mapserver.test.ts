/**
 * ogcapi-features-1.0 recorded against MapServer 8 (fixtures/servers/start-mapserver.sh, as the
 * end-to-end test ogcapi-mapserver.test.ts runs it) and replayed with MapServer stopped: the
 * same results and requirements, failures and cantTell included.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAPSERVER, startRealServer, unavailable } from '../../fixtures/ogcapi/real-servers.js';
import { judged, recordRun, replay } from './record-and-replay.js';

const scratch = await mkdtemp(join(tmpdir(), 'konform-replay-ogcapi-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));
const skip = unavailable(MAPSERVER);

describe.skipIf(skip !== undefined)(`ogcapi-features-1.0 against ${MAPSERVER.name}, recorded and replayed without it${skip ? ` (skipped: ${skip})` : ''}`, () => {
  it('gives the recorded results and requirements', async () => {
    const server = await startRealServer(MAPSERVER);
    const recorded = await recordRun(['ogcapi-features-1.0', '--target', server.base], join(scratch, 'recorded'), { close: async () => server.stop() });
    const replayed = await replay(join(scratch, 'recorded'), join(scratch, 'replayed'));
    expect(judged(replayed.report)).toEqual(judged(recorded));
    expect([replayed.report.verdict, replayed.code]).toEqual([recorded.verdict, recorded.exitCode]);
    expect(recorded.results.map((result) => result.outcome)).toEqual(expect.arrayContaining(['passed', 'failed', 'cantTell']));
  }, MAPSERVER.startTimeoutMs + 120_000);
});
