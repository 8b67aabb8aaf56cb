/**
 * A replay of a recording that lacks an answer: what depended on it is cantTell with the finding
 * `not-recorded`, never passed, and the rest is judged as recorded.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startOParlServer } from '../../fixtures/oparl/server.js';
import { startPegelServer } from '../../fixtures/pegel-online/server.js';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';
import type { Report } from '../../src/model/report.js';
import type { Har, HarEntry } from '../../src/replay/har.js';
import { recordRun, replay } from './record-and-replay.js';

const scratch = await mkdtemp(join(tmpdir(), 'konform-replay-missing-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** Replays the recording in `recordedOut` without the entries `removed` picks (the answers to one request), given as a HAR file of its own. */
async function replayWithout(recordedOut: string, removed: (entry: HarEntry) => boolean, name: string): Promise<Report> {
  const har = JSON.parse(await readFile(join(recordedOut, 'exchanges.har'), 'utf8')) as Har;
  const kept = har.log.entries.filter((entry) => !removed(entry));
  expect(kept.length).toBeLessThan(har.log.entries.length);
  har.log.entries = kept;
  const folder = join(scratch, name);
  await mkdir(folder);
  await writeFile(join(folder, 'edited.har'), JSON.stringify(har));
  return (await replay(join(folder, 'edited.har'), join(folder, 'replayed'))).report;
}

function expectCantTell(replayed: Report, ids: string[]): void {
  expect(ids.length).toBeGreaterThan(0);
  for (const id of ids) {
    const result = replayed.results.find((candidate) => candidate.id === id);
    expect([id, result?.outcome]).toEqual([id, 'cantTell']);
    expect(result?.findings.map((finding) => finding.code)).toContain('not-recorded');
  }
}

/** Whatever the gap changed, it changed to no pass; the verdict is no longer conformant. */
function expectNoPassFromTheGap(recorded: Report, replayed: Report): void {
  expect(replayed.results.map((result) => result.id)).toEqual(recorded.results.map((result) => result.id));
  const changed = replayed.results.filter((result, index) => result.outcome !== recorded.results[index]?.outcome);
  expect(changed.length).toBeGreaterThan(0);
  expect(changed.filter((result) => result.outcome === 'passed')).toEqual([]);
  const changedRequirements = replayed.requirements.filter((requirement, index) => requirement.outcome !== recorded.requirements[index]?.outcome);
  expect(changedRequirements.filter((requirement) => requirement.outcome === 'passed')).toEqual([]);
  expect([recorded.verdict, replayed.verdict]).toEqual(['conformant', 'inconclusive']);
}

describe('a recording that lacks an answer', () => {
  it('openapi-contract: the results resting on the missing answer are cantTell (not-recorded)', async () => {
    const server = await startPegelServer();
    const out = join(scratch, 'openapi');
    const spec = join(PACKAGE_ROOT, 'fixtures', 'pegel-online', 'openapi.yaml');
    const recorded = await recordRun(['openapi-contract', '--target', server.url, '--spec', spec], out, server);
    const [removed] = recorded.results.find((result) => result.check === 'body-schema' && result.outcome === 'passed')?.evidence ?? [];
    const replayed = await replayWithout(out, (entry) => entry._konform?.exchange === removed, 'openapi-edited');
    expect(replayed.exchanges.find((exchange) => exchange.id === removed)?.error?.reason).toBe('notRecorded');
    expectCantTell(replayed, recorded.results.filter((result) => result.evidence.includes(removed as string)).map((result) => result.id));
    expectNoPassFromTheGap(recorded, replayed);
  });

  it('oparl-1.1: without the first page of a list of meetings, what the meetings decide is cantTell (not-recorded)', async () => {
    const server = await startOParlServer();
    const out = join(scratch, 'oparl');
    const recorded = await recordRun(['oparl-1.1', '--target', server.url, '--profile', 'without-https', '--rate', '0'], out, server);
    const replayed = await replayWithout(out, (entry) => new URL(entry.request.url).pathname === '/oparl/v1.1/body/1/meetings' && !entry.request.url.includes('?'), 'oparl-edited');
    expect(replayed.exchanges.filter((exchange) => exchange.error?.reason === 'notRecorded').map((exchange) => new URL(exchange.request.url).pathname)).toContain('/oparl/v1.1/body/1/meetings');
    expectCantTell(replayed, ['object-schema/Meeting', 'filters/Meeting', 'back-references/Meeting']);
    expectNoPassFromTheGap(recorded, replayed);
  });
});
