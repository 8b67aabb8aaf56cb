/**
 * report.html of real runs, opened in Debian's chromium (headless, driven by playwright-core):
 * the OParl reference server (profile full: not conformant over plain HTTP on 127.0.0.1),
 * XRechnung files that break the rules (KoSIT's CEN unit-test instances and an instance the
 * UBL schema rejects, validated with --lang en), and MapServer's OGC API - Features. The page
 * shows the verdict, the counts and the first failed requirement with its example; it makes no
 * request but for itself, its one style sheet applies under its CSP, printing opens the folded
 * examples, it prints to PDF, and axe-core finds no serious or critical violation.
 * Chromium missing is a failure, not a skip, unless KONFORM_SKIP_BROWSER=1 says to skip.
 * KONFORM_UPDATE_SCREENSHOT=1 writes the first screen of the OParl report to docs/report-screenshot.png.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOParlServer } from '../../fixtures/oparl/server.js';
import { MAPSERVER, startRealServer, unavailable } from '../../fixtures/ogcapi/real-servers.js';
import { KOSIT_VALIDATOR_INSTANCES } from '../../fixtures/xrechnung/instances.js';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';
import type { Report } from '../../src/model/report.js';
import { messagesFor } from '../../src/report/i18n/index.js';
import { run } from '../../src/run/run.js';
import { runCli } from '../helpers/cli.js';

const CHROMIUM = '/usr/bin/chromium';
const SKIP = process.env['KONFORM_SKIP_BROWSER'] === '1';
const AXE = join(PACKAGE_ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const SCREENSHOT = join(PACKAGE_ROOT, 'docs', 'report-screenshot.png');

let browser: Browser;
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'konform-html-'));
  if (SKIP) return;
  if (!existsSync(CHROMIUM)) {
    throw new Error(`report.html is tested in Debian's chromium, and ${CHROMIUM} is missing: install it (bash .ci/install-chromium), or set KONFORM_SKIP_BROWSER=1 to skip this test`);
  }
  browser = await chromium.launch({ executablePath: CHROMIUM });
});
afterAll(async () => {
  await browser?.close();
  await rm(scratch, { recursive: true, force: true });
});

interface Opened {
  page: Page;
  requests: string[];
  refused: string[];
  url: string;
}

/** The report.html in `out`, opened as a user opens it: from disk, nothing allowed beyond its own policy. */
async function open(out: string): Promise<Opened> {
  const url = pathToFileURL(join(out, 'report.html')).href;
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const requests: string[] = [];
  const refused: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => refused.push(message.text()));
  await page.goto(url, { waitUntil: 'load' });
  return { page, requests, refused, url };
}

const text = (page: Page, selector: string) => page.locator(selector).first().innerText();

/** What every report.html must do in the browser, whatever the run. */
function itBehavesInTheBrowser(name: string, out: () => string, lang: 'de' | 'en', exchanges: boolean): void {
  it(`${name}: makes no request but for itself, applies its style sheet under its CSP, and shows its verdict and counts`, async () => {
    const report = JSON.parse(await readFile(join(out(), 'report.json'), 'utf8')) as Report;
    const { page, requests, refused, url } = await open(out());
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    expect(await page.locator('#verdict-label').textContent()).toBe(messagesFor(lang).verdict[report.verdict]);
    const failed = page.locator('#counts tr[data-outcome="failed"] td');
    const failedRequirements = report.requirements.filter((requirement) => requirement.outcome === 'failed').length;
    expect(await failed.allInnerTexts()).toEqual([String(failedRequirements), String(report.counts.failed)]);
    expect(await page.locator('.verdict').evaluate((element) => getComputedStyle(element).borderLeftWidth)).toBe('6px');
    expect(requests).toEqual([url]);
    expect(refused).toEqual([]);
    await page.close();
  });

  it(`${name}: prints without navigation${exchanges ? ', its folded exchanges open,' : ''} to a PDF, and takes a screenshot`, async () => {
    const { page } = await open(out());
    const headers = page.locator('#must details.exchange dl.headers').first();
    expect(await headers.count()).toBe(exchanges ? 1 : 0);
    expect(await headers.isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await headers.isVisible()).toBe(exchanges);
    expect(await page.locator('nav').isVisible()).toBe(false);
    const pdf = join(scratch, `${name}.pdf`);
    await page.pdf({ path: pdf, format: 'A4' });
    expect((await readFile(pdf)).subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
    const png = join(scratch, `${name}.png`);
    await page.screenshot({ path: png });
    expect((await stat(png)).size).toBeGreaterThan(10_000);
    await page.close();
  });

  it(`${name}: has no serious or critical accessibility violation (axe-core)`, async () => {
    // axe is injected as a script, which the report's CSP forbids: for this check only, the policy is bypassed.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(pathToFileURL(join(out(), 'report.html')).href);
    await page.addScriptTag({ content: await readFile(AXE, 'utf8') });
    const violations = await page.evaluate(async () => {
      const { violations } = await (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> } }).axe.run();
      return violations.map(({ id, impact, nodes }) => ({ id, impact, nodes: nodes.length }));
    });
    expect(violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')).toEqual([]);
    await context.close();
  });
}

describe.skipIf(SKIP)('report.html in the browser', () => {
  describe('the OParl server with a schema violation (mutant), profile full, over plain HTTP on 127.0.0.1', () => {
    const out = () => join(scratch, 'oparl');
    beforeAll(async () => {
      const server = await startOParlServer({ mutant: 'schema-violation' });
      try {
        await run({ suite: 'oparl-1.1', profile: 'full', target: { url: server.url }, limits: { ratePerHost: 0 }, out: out() });
      } finally {
        await server.close();
      }
    });

    it('says in German why it is not conformant: the MUST first, with the example where it was seen, then the SHOULDs', async () => {
      const { page } = await open(out());
      expect(await text(page, '#verdict')).toBe('Der Prüfgegenstand ist nicht konform zu OParl 1.1 (1.1.1): 1 MUSS-Anforderung ist nicht erfüllt.');
      expect(await text(page, '#must .entry h3')).toBe('OPARL-OBJ-SCHEMA MUSS');
      expect(await text(page, '#must .entry .tally')).toMatch(/^\d+ Befunde unter \d+ URLs$/);
      expect(await text(page, '#must .entry h4')).toBe('… at /order: oparl:AgendaItem the property "order" is missing');
      expect(await text(page, '#must .example .message')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oparl\/v1\.1\/agendaitem\/1 at \/order: oparl:AgendaItem the property "order" is missing$/);
      expect(await text(page, '#warnings .entry h3')).toBe('OPARL-URL-NO-IP SOLL');
      if (process.env['KONFORM_UPDATE_SCREENSHOT'] === '1') await page.screenshot({ path: SCREENSHOT, fullPage: true, clip: { x: 0, y: 0, width: 1200, height: 1500 } });
      await page.close();
    });

    itBehavesInTheBrowser('oparl', out, 'de', true);
  });

  describe('XRechnung files that break the rules, validated with --lang en', () => {
    const out = () => join(scratch, 'xrechnung');
    beforeAll(async () => {
      const files = [join(KOSIT_VALIDATOR_INSTANCES, 'cen-unit-test', '*.xml'), join(KOSIT_VALIDATOR_INSTANCES, 'instances', 'ubl005.xml')];
      const cli = await runCli(['validate', 'xrechnung-3.0', ...files, '--out', out(), '--lang', 'en']);
      expect(cli.code, cli.stderr).toBe(1);
    }, 120_000);

    it('says in English which requirement failed first, in which file, at which line and XPath', async () => {
      const { page } = await open(out());
      expect(await text(page, '#verdict')).toMatch(/^The subject does not conform to XRechnung .*: \d+ MUST requirements are not met\.$/);
      expect(await text(page, '#must .entry h3')).toBe('XR-SCENARIO MUST');
      expect(await text(page, '#must .entry h4')).toMatch(/^the file matches none of the scenarios/);
      expect(await text(page, '#must .example .where')).toMatch(/instances\/ubl005\.xml$/);
      const schema = page.locator('#must .entry', { hasText: 'XSD-UBL-INVOICE' });
      expect(await schema.locator('.example .where').innerText()).toMatch(/instances\/ubl005\.xml:15$/);
      expect(await schema.locator('.example .meta').innerText()).toBe('XPath /*/cbc:DueDate');
      await page.close();
    });

    itBehavesInTheBrowser('xrechnung', out, 'en', false);
  });

  const mapserver = unavailable(MAPSERVER);
  describe.skipIf(mapserver !== undefined)(`MapServer's OGC API - Features${mapserver ? ` (skipped: ${mapserver})` : ''}`, () => {
    const out = () => join(scratch, 'mapserver');
    beforeAll(async () => {
      const server = await startRealServer(MAPSERVER);
      try {
        await run({ suite: 'ogcapi-features-1.0', target: { url: server.base }, out: out() });
      } finally {
        server.stop();
      }
    }, MAPSERVER.startTimeoutMs + 120_000);

    it('names the requirement MapServer breaks first, with the request and its answer', async () => {
      const { page } = await open(out());
      expect(await text(page, '#verdict')).toMatch(/^Der Prüfgegenstand ist nicht konform zu OGC API - Features/);
      expect(await text(page, '#must .entry h3')).toMatch(/^\/req\/\S+ MUSS$/);
      expect(await text(page, '#must .example details.exchange summary')).toMatch(/^HTTP-Austausch x[0-9a-f]+: GET http:\/\/127\.0\.0\.1:\d+\/\S* → \d{3}/);
      await page.close();
    });

    itBehavesInTheBrowser('mapserver', out, 'de', true);
  });
});
