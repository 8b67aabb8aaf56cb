/**
 * ogcapi-features-1.0 against a server whose `next` links lead to another host (another port):
 * without `--allow-host` konform may not follow them, so the pages behind them are unexamined.
 * The run is never conformant (exit 3); the report, summary.md and the closing line name the
 * host with the flag that would allow it; the checks of every page walked are cantTell. Allowed,
 * the same server is conformant as the reference.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startOgcServer } from '../../fixtures/ogcapi/server.js';
import { expectConformantWithAllowHost, expectNotFollowed, runWithoutAllowHost } from './not-followed-run.js';
import { splitOrigin, type SplitOrigin } from './split-origin.js';

const SUITE = 'ogcapi-features-1.0';
const ROOT = '/ogcapi';
/** Every page of features after the first: where `next` links lead. */
const LATER_PAGES = /\/items\?[^#]*offset=[1-9]/;

const scratch = await mkdtemp(join(tmpdir(), 'konform-ogcapi-foreign-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

const splitServer = async () => splitOrigin(await startOgcServer(), (path) => LATER_PAGES.test(path));
const runArgs = (split: SplitOrigin) => ['run', SUITE, '--target', `${split.main}${ROOT}`, '--rate', '0'];

describe('ogcapi-features-1.0 against a server whose next links lead to a host not allowed', () => {
  const run = runWithoutAllowHost(splitServer, runArgs, join(scratch, 'not-allowed'));

  it('never contacts the other host, is inconclusive (exit 3), and names it with the flag that would allow it: in report.json, at the top of summary.md, on the closing line', () => {
    const { report, split } = run();
    expectNotFollowed(run(), expect.any(Number), expect.stringMatching(LATER_PAGES));
    expect(report.hostsNotFollowed?.[0]?.example.startsWith(`${split.other}${ROOT}/collections/`)).toBe(true);
  });

  it('cannot tell what the pages behind the links hold: the checks of every page walked are cantTell, not passed', () => {
    const { report } = run();
    const outcomeOf = (id: string) => report.results.find((result) => result.id === id)?.outcome;
    const walked = ['items', 'paging-recommendations', 'crs84', 'extent', 'geojson-content'];
    for (const collection of ['places', 'gauges']) {
      expect(walked.map((check) => [check, outcomeOf(`${check}/${collection}`)])).toEqual(walked.map((check) => [check, 'cantTell']));
    }
    const paging = report.results.find((result) => result.id === 'paging-recommendations/places');
    expect(paging?.findings).toContainEqual(expect.objectContaining({ code: 'transport-failure', rule: '/rec/core/fc-next-2', params: expect.objectContaining({ reason: 'hostNotAllowed' }), undecided: true }));
    expect(report.requirements.find((requirement) => requirement.id === '/rec/core/fc-next-2')?.outcome).toBe('cantTell');
  });
});

describe('ogcapi-features-1.0 against the same server with the other host allowed', () => {
  it('is conformant as the reference', () => expectConformantWithAllowHost(splitServer, runArgs, join(scratch, 'allowed')));
});
