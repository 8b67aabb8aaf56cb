/**
 * `konform diff` on a real run pair of ogcapi-features-1.0 against MapServer 8 (started by
 * fixtures/servers/start-mapserver.sh, skipped only where it cannot be installed): as the script
 * configures it, and with the changed mapfile of fixtures/ogcapi/mapserver-without-html/, which
 * leaves out the HTML templates. The change breaks the HTML encoding and the API definition's
 * HTML link (regressions), and leaves the checks of HTML pages with no page to judge (changes to
 * cantTell, neither regression nor fix); put back, it shows as their fix.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAPSERVER, PLACES_GEOJSON, unavailable } from '../../fixtures/ogcapi/real-servers.js';
import { startScriptedServer, type ScriptedServer } from '../../fixtures/servers/start.js';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';
import { runCli } from '../helpers/cli.js';
import { diffJson } from './diff-cli.js';

const CHANGED_MAPFILE = join(PACKAGE_ROOT, 'fixtures', 'ogcapi', 'mapserver-without-html', 'test.map');
const TEMPLATE_LINE = 'oga_html_template_directory';
const skip = unavailable(MAPSERVER);

const scratch = await mkdtemp(join(tmpdir(), 'konform-diff-mapserver-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

const changes = (entries: Array<{ id: string; change: string; a?: string; b?: string }>) => entries.map(({ id, change, a, b }) => [id, change, a, b]);

describe.skipIf(skip !== undefined)(`konform diff of ogcapi-features-1.0 runs against MapServer and a changed mapfile${skip ? ` (skipped: ${skip})` : ''}`, () => {
  const work = join(scratch, 'mapserver');
  const [original, changed] = [join(scratch, 'original'), join(scratch, 'changed')];
  let server: ScriptedServer | undefined;
  let mapfiles: { script: string; fixture: string };

  async function runInto(out: string): Promise<void> {
    const cli = await runCli(['run', 'ogcapi-features-1.0', '--target', server!.base, '--out', out]);
    expect(cli.stdout).toContain('verdict: notConformant');
  }


  beforeAll(async () => {
    server = await startScriptedServer(MAPSERVER.script, (port) => [String(port), PLACES_GEOJSON, work], MAPSERVER.startTimeoutMs);
    await runInto(original);
    // The CGI reads the mapfile on every request: the next run sees the changed configuration.
    const script = await readFile(join(work, 'test.map'), 'utf8');
    const fixture = (await readFile(CHANGED_MAPFILE, 'utf8')).replaceAll('@BASE@', server.base).replaceAll('@WORKDIR@', work);
    mapfiles = { script, fixture };
    await writeFile(join(work, 'test.map'), fixture);
    await runInto(changed);
  }, MAPSERVER.startTimeoutMs + 120_000);
  afterAll(() => server?.stop());

  it("changes nothing in the script's mapfile but the HTML template folder", () => {
    expect(mapfiles.script).toContain(TEMPLATE_LINE);
    expect(mapfiles.fixture).toBe(mapfiles.script.split('\n').filter((line) => !line.includes(TEMPLATE_LINE)).join('\n'));
  });

  it('shows the HTML encoding and the service-doc link as regressions, the HTML page checks as changes, and exits 1', async () => {
    const { code, diff } = await diffJson(original, changed);
    expect(code).toBe(1);
    expect(diff.differences).toEqual([]);
    expect(changes(diff.requirements)).toEqual([
      ['/req/core/api-definition-success', 'regression', 'passed', 'failed'],
      ['/req/html/definition', 'regression', 'passed', 'failed'],
      ['/req/html/content', 'changed', 'failed', 'cantTell'],
      ['/rec/html/schema-org', 'changed', 'failed', 'cantTell'],
    ]);
    expect(changes(diff.results)).toEqual([
      ['api-definition', 'regression', 'passed', 'failed'],
      ['html-media-type', 'regression', 'passed', 'failed'],
      ['html-content', 'changed', 'failed', 'cantTell'],
      ['schema-org', 'changed', 'failed', 'cantTell'],
    ]);
    expect(diff.a.counts.passed - diff.b.counts.passed).toBe(2);
    expect(new Set(diff.findings.new.map((change) => change.finding.code))).toEqual(new Set(['api-definition-unusable', 'media-type-unsupported', 'no-html-page']));
  });

  it('shows the configuration put back as the fix of both, with what it makes judgeable as failed again', async () => {
    const { code, diff } = await diffJson(changed, original);
    expect(code).toBe(1);
    expect(changes(diff.results)).toEqual([
      ['html-content', 'regression', 'cantTell', 'failed'],
      ['schema-org', 'regression', 'cantTell', 'failed'],
      ['api-definition', 'fix', 'failed', 'passed'],
      ['html-media-type', 'fix', 'failed', 'passed'],
    ]);
    expect(diff.summary).toMatchObject({ regressions: 4, fixes: 4, otherChanges: 0 });
  });

  it('writes the diff as Markdown with --out', async () => {
    const out = join(scratch, 'diff.md');
    const cli = await runCli(['diff', original, changed, '--format', 'md', '--out', out]);
    expect(cli.code).toBe(1);
    const md = await readFile(out, 'utf8');
    expect(md).toContain('## Regressions (4)');
    expect(md).toContain('| result | `html-media-type` | MUST | passed → failed |');
    expect(md).toContain('## Other changes (4)');
  });
});
