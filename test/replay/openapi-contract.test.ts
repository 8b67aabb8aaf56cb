/**
 * openapi-contract recorded against the Pegel-Online reference server and mutants of it, and
 * replayed with the server stopped: the same results and requirements, verdict and exit code.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { MutantName } from '../../fixtures/pegel-online/mutants.js';
import { startPegelServer } from '../../fixtures/pegel-online/server.js';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';
import { judged, recordRun, replay } from './record-and-replay.js';

const SPEC = join(PACKAGE_ROOT, 'fixtures', 'pegel-online', 'openapi.yaml');
const scratch = await mkdtemp(join(tmpdir(), 'konform-replay-openapi-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('openapi-contract, recorded and replayed without the server', () => {
  // The reference, and mutants that fail a body schema, answer invalid JSON and fail with 5xx.
  it.each<[string, MutantName | undefined]>([
    ['the reference', undefined],
    ['mutant nested-schema-violation', 'nested-schema-violation'],
    ['mutant invalid-json', 'invalid-json'],
    ['mutant server-error', 'server-error'],
  ])('%s: the recorded results and requirements', async (name, mutant) => {
    const server = await startPegelServer(mutant ? { mutant } : {});
    const recordedOut = join(scratch, `${name}-recorded`);
    const recorded = await recordRun(['openapi-contract', '--target', server.url, '--spec', SPEC], recordedOut, server);
    const replayed = await replay(recordedOut, join(scratch, `${name}-replayed`));
    expect(judged(replayed.report)).toEqual(judged(recorded));
    expect([replayed.report.verdict, replayed.code]).toEqual([recorded.verdict, recorded.exitCode]);
    if (mutant) expect(recorded.verdict).toBe('notConformant');
  });
});
