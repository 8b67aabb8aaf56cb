import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { htmlChunks } from '../../src/report/html/html.js';
import type { Report } from '../../src/model/report.js';
import { incompleteReport, sampleReport } from '../helpers/sample-report.js';
import { elementsOf } from './html-structure.js';
import { withShouldAndMayFailures } from './level-failures-report.js';
import { withRepeatedDefect } from './repeated-defect-report.js';

const render = (report: Report, lang?: 'de' | 'en'): string => [...htmlChunks(report, lang ? { lang } : {})].join('');

/** The text between the first `start` and the next `end` after it. */
function between(html: string, start: string, end: string): string {
  const from = html.indexOf(start);
  if (from < 0) throw new Error(`no ${start}`);
  return html.slice(from, html.indexOf(end, from + start.length));
}

describe('report.html', () => {
  it('is one self-contained document: its CSP allows only its own style sheet, by hash; no script, no reference to anything outside', () => {
    const html = render(sampleReport());
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="de">\n<head>\n<meta charset="utf-8">')).toBe(true);
    const style = between(html, '<style>', '</style>').slice('<style>'.length);
    const hash = createHash('sha256').update(style).digest('base64');
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;sha256-${hash}&#39;; img-src data:; base-uri &#39;none&#39;; form-action &#39;none&#39;">`,
    );
    const elements = elementsOf(html);
    expect(elements.filter((element) => ['script', 'link', 'iframe', 'object', 'embed', 'img', 'form'].includes(element.name))).toEqual([]);
    expect(elements.filter((element) => /\s(src|srcset|style|on[a-z]+)=/.test(element.attributes))).toEqual([]);
    expect(style).not.toMatch(/url\(|@import/);
    // The only links are the clauses of the standard and the report's own anchors.
    const links = elements.filter((element) => element.name === 'a').map((element) => /href="([^"]*)"/.exec(element.attributes)?.[1]);
    expect(links.every((href) => href?.startsWith('#') || href?.startsWith('https://oparl.org/'))).toBe(true);
  });

  it('says on its first screen the verdict in one sentence, the subject, suite, standard and profile with hashes, date, tool, completeness and signature', () => {
    const html = render(sampleReport());
    const header = between(html, '<header>', '</header>');
    expect(header).toContain('<h1 id="verdict">Der Prüfgegenstand ist nicht konform zu OParl 1.1: 2 MUSS-Anforderungen sind nicht erfüllt.</h1>');
    const facts = between(html, '<dl class="facts">', '</dl>');
    expect(facts).toContain('<dt>Prüfgegenstand</dt><dd><code>http://127.0.0.1:8080/oparl/v1</code>');
    expect(facts).toContain(`sha256 <code>${'a'.repeat(64)}</code>`);
    expect(facts).toContain(`Manifest sha256 <code>${'b'.repeat(64)}</code>`);
    expect(facts).toContain('<dt>Profil</dt><dd><code>full</code> — Everything');
    expect(facts).toContain('<time datetime="2025-03-01T10:00:00.000Z">1. März 2025 um 10:00:00 UTC</time>');
    expect(facts).toContain('<dt>Werkzeug</dt><dd>konform 0.1.0</dd>');
    expect(facts).toContain('<dt>Vollständig</dt><dd>ja</dd>');
    expect(facts).toContain('<dt>Signatur</dt><dd>nicht signiert</dd>');
    expect(between(html, '<table class="counts"', '</table>')).toContain('<tr data-outcome="failed"><th scope="row">nicht bestanden</th><td class="number">2</td><td class="number">1</td></tr>');
  });

  it('names the key that signs the run where there is one', () => {
    const report = { ...sampleReport(), signer: { keyid: 'f'.repeat(64), algorithm: 'ed25519' as const } };
    expect(render(report)).toContain(`<dt>Signatur</dt><dd>signiert mit dem Schlüssel <code>${'f'.repeat(64)}</code> (ed25519)</dd>`);
    expect(render(report, 'en')).toContain(`<dt>Signature</dt><dd>signed by the key <code>${'f'.repeat(64)}</code> (ed25519)</dd>`);
  });

  it('says why a run is inconclusive', () => {
    const html = render(incompleteReport(), 'en');
    expect(html).toContain('<h1 id="verdict">Whether the subject conforms to OParl 1.1 could not be decided: the run was interrupted (SIGINT) before every check had run.</h1>');
    expect(html).toContain('<p class="notice">Incomplete run, interrupted by SIGINT.');
  });

  it('orders by importance: failed MUST requirements, warnings, cantTell with its cause, notes, then the full requirement table', () => {
    const html = render(withShouldAndMayFailures(), 'en');
    const order = ['id="verdict"', 'id="overview"', 'id="must"', 'id="warnings"', 'id="cant-tell"', 'id="notes"', 'id="requirements"'].map((id) => html.indexOf(id));
    expect(order.every((position, index) => position > 0 && (index === 0 || position > order[index - 1]!))).toBe(true);
    const must = between(html, '<section id="must"', '</section>');
    expect(must).toContain('<h3 id="must-1-title">OPARL-HTTP-2, OPARL-BODY-1</h3>');
    expect(must).toContain('<h3 id="must-2-title">OPARL-BODY-1 <span class="level">MUST</span></h3>');
    expect(must).toContain('<a href="https://oparl.org/spezifikation/online-ansicht/#oparl-body-1">clause</a>');
    expect(must).toContain('<h4>Status 418 is not documented for GET /bodies</h4>');
    expect(must).toContain('<summary>HTTP exchange <code>x2</code>: <code>GET http://127.0.0.1:8080/oparl/v1/bodies → 418 (redirected to http://127.0.0.1:8080/oparl/v1/bodies/)</code></summary>');
    expect(must).not.toContain('naming');
    expect(between(html, '<section id="warnings"', '</section>')).toContain('<code>naming</code>');
    const cantTell = between(html, '<section id="cant-tell"', '</section>');
    expect(cantTell).toContain('<h4>GET /meetings: no response within 10000 ms</h4>');
    expect(cantTell).toContain('No response (timeout): no response within 10000 ms');
    const table = between(html, '<section id="requirements"', '</section>');
    expect([...table.matchAll(/<tr data-outcome="(\w+)">/g)].map((match) => match[1])).toEqual(['failed', 'failed', 'cantTell', 'untested', 'untested', 'inapplicable', 'passed']);
    expect(table).toContain('(not testable: needs a human)');
  });

  it('shows the same defect on 300 objects once, with its count and three examples, and lists every finding folded', () => {
    const html = render(withRepeatedDefect(300), 'en');
    const group = between(html, '<h4>… at /data/…/name: oparl:Paper the property &quot;name&quot; is missing</h4>', '</div>');
    expect(group).toContain('300 findings at 300 URLs');
    expect([...group.matchAll(/<li class="example">/g)]).toHaveLength(3);
    const list = between(group, '<ol class="all">', '</ol>');
    expect([...list.matchAll(/<li>/g)]).toHaveLength(300);
    for (const index of [0, 150, 299]) expect(list).toContain(`http://127.0.0.1:8080/oparl/v1/paper/${index} at /data/${index}/name`);
    expect(html.match(/the property &quot;name&quot; is missing<\/h4>/g)).toHaveLength(1);
  });

  it('names a defect by its check where its message only repeats the requirement, as a Schematron assert does', () => {
    const report = sampleReport();
    report.results[1]!.findings[1]!.message = 'Requirement OPARL-BODY-1\n  | with a pipe';
    const entry = between(render(report, 'en'), '<h3 id="must-2-title">OPARL-BODY-1', '</article>');
    expect(entry).toContain('<p class="text">Requirement OPARL-BODY-1 | with a pipe</p>');
    expect(entry).toContain('<h4>Check status-documented</h4>');
    expect(entry).not.toContain('<p class="message">');
  });

  it('renders in pieces: 20 000 findings never make one piece of more than a slice of the list', () => {
    const pieces = [...htmlChunks(withRepeatedDefect(20_000))];
    expect(pieces.length).toBeGreaterThan(40);
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(500_000);
  });

  it('keeps hostile text text: markup, quotes, controls and very long values neither open an element nor leave an attribute', () => {
    const hostile = '<script>alert(1)</script>"\'><img src=x onerror=alert(1)>\u0000\u001b[31m';
    const long = 'A'.repeat(100_000);
    const report = sampleReport();
    report.suite.title = hostile;
    report.target.url = `http://h/${hostile}`;
    report.requirements[1]!.text = hostile;
    report.requirements[1]!.clause = 'javascript:alert(1)';
    report.results[1]!.title = hostile;
    report.results[1]!.findings[0]!.message = `${hostile} ${long}`;
    report.results[1]!.findings[0]!.location = { operation: hostile, bodyPointer: `/${hostile}` };
    report.exchanges[1]!.response!.headers['x-evil'] = hostile;
    report.exchanges[1]!.response!.bodyExcerpt = `</pre></details>${hostile}`;
    report.interruption = hostile;
    report.complete = false;
    const html = render(report);
    const elements = elementsOf(html);
    expect(elements.filter((element) => ['script', 'img'].includes(element.name))).toEqual([]);
    expect(html).not.toContain('javascript:');
    expect(html).not.toMatch(/[\u0000\u001b]/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&gt;&lt;img src=x onerror=alert(1)&gt;\uFFFD\uFFFD[31m');
    expect(html).toContain(long);
  });

  it('is German by default and English on request, the requirement texts as the standard has them', () => {
    const german = render(sampleReport());
    const english = render(sampleReport(), 'en');
    expect(german).toContain('<h2 id="must-title">Nicht erfüllte MUSS-Anforderungen (2)</h2>');
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('<h2 id="must-title">Failed MUST requirements (2)</h2>');
    for (const html of [german, english]) expect(html).toContain('Requirement OPARL-BODY-1 | with a pipe');
  });
});
