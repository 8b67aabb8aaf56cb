/**
 * oparl-1.1 against a System whose `body` list lives on another host (another port): without
 * `--allow-host` konform may not follow the link, so everything behind it is unexamined. The run
 * is never conformant (exit 3); the report, summary.md and the closing line name the host with
 * the flag that would allow it; the checks of the objects the link leads to are cantTell, not
 * inapplicable. Allowed, the same server is conformant as the reference.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startOParlServer } from '../../fixtures/oparl/server.js';
import { expectConformantWithAllowHost, expectNotFollowed, runWithoutAllowHost } from './not-followed-run.js';
import { splitOrigin, type SplitOrigin } from './split-origin.js';

const ROOT = '/oparl/v1.1/';
const BODIES = /^\/oparl\/v1\.1\/bodies(\?|$)/;

const scratch = await mkdtemp(join(tmpdir(), 'konform-oparl-foreign-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

const splitServer = async () => splitOrigin(await startOParlServer(), (path) => BODIES.test(path));
const runArgs = (split: SplitOrigin) => ['run', 'oparl-1.1', '--target', `${split.main}${ROOT}`, '--profile', 'without-https', '--rate', '0'];

describe('oparl-1.1 against a System whose body list is on a host not allowed', () => {
  const run = runWithoutAllowHost(splitServer, runArgs, join(scratch, 'not-allowed'));

  it('never contacts the other host, is inconclusive (exit 3), and names it with the flag that would allow it: in report.json, at the top of summary.md, on the closing line', () => {
    expectNotFollowed(run(), 1, `${run().split.other}${ROOT}bodies`);
  });

  it('cannot tell what lies behind the link: the checks of Body and of the objects only a Body leads to are cantTell, not inapplicable', () => {
    const { report, split } = run();
    const schema = report.results.filter((result) => result.check === 'object-schema');
    expect(schema.find((result) => result.subject?.id === 'System')?.outcome).toBe('passed');
    expect(schema.map((result) => result.subject?.id)).toEqual(expect.arrayContaining(['Body', 'Meeting', 'Paper']));
    // Every check of a type behind the link, whatever it examines (objects, links to them, lists of them, …).
    const behind = report.results.filter((result) => !['System', 'other', 'server'].includes(result.subject?.id ?? 'server'));
    expect(behind.length).toBeGreaterThan(100);
    expect(behind.filter((result) => result.outcome !== 'cantTell').map((result) => `${result.id} ${result.outcome}`)).toEqual([]);
    const finding = schema.find((result) => result.subject?.id === 'Body')?.findings[0];
    expect(finding).toMatchObject({ code: 'transport-failure', params: { reason: 'hostNotAllowed', url: `${split.other}${ROOT}bodies` }, undecided: true });
  });

  it('cannot tell the checks of every answer of the server; the System, examined, passes', () => {
    const outcomeOf = (id: string) => run().report.results.find((result) => result.id === id)?.outcome;
    expect(['json-response/server', 'cors/server', 'single-scheme/server'].map(outcomeOf)).toEqual(['cantTell', 'cantTell', 'cantTell']);
    expect(outcomeOf('system-object/server')).toBe('passed');
  });
});

describe('oparl-1.1 against the same server with the other host allowed', () => {
  it('is conformant as the reference', () => expectConformantWithAllowHost(splitServer, runArgs, join(scratch, 'allowed')));
});
