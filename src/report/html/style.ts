/**
 * The one style sheet of report.html, inline, and its hash for the Content-Security-Policy
 * (CSP Level 3 §8.4: a hash source allows exactly this <style> element). Colours meet WCAG 2.1
 * AA contrast. In print, folded examples and exchanges open, the complete lists of findings stay
 * folded (report.json holds them), and the navigation is left out.
 */
import { createHash } from 'node:crypto';

export const STYLE = `
:root { color-scheme: light; --fg: #1b1f24; --muted: #4a525c; --line: #d0d5db; --bg-soft: #f4f6f8;
  --fail: #a4161a; --fail-bg: #fdeced; --warn: #7a4b00; --warn-bg: #fff4dc; --ok: #1b6b2f; --ok-bg: #e7f5ea;
  --open: #0b4f8a; --open-bg: #e8f1fb; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--fg); background: #fff; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
header, nav, main, footer { max-width: 72rem; margin: 0 auto; padding: 0 1.25rem; }
header { padding-top: 1.5rem; }
h1 { font-size: 1.6rem; line-height: 1.3; margin: .25rem 0 .75rem; }
h2 { font-size: 1.3rem; margin: 2.5rem 0 .5rem; padding-top: .5rem; border-top: 2px solid var(--line); }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .25rem; }
h4 { font-size: 1rem; margin: 1rem 0 .25rem; }
p { margin: .25rem 0 .5rem; }
a { color: var(--open); }
code { font: .9em/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; background: var(--bg-soft); padding: 0 .2em; border-radius: 3px; }
code, .text, li, td, dd, summary, h1, h3, h4 { overflow-wrap: anywhere; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; max-height: 24rem; overflow: auto; background: var(--bg-soft); padding: .5rem; border-radius: 4px; font-size: .85rem; }
.kicker { margin: 0; color: var(--muted); font-weight: 600; letter-spacing: .02em; }
.verdict { padding: 1rem 1.25rem; border-radius: 6px; border-left: 6px solid; }
.verdict-notConformant { background: var(--fail-bg); border-color: var(--fail); }
.verdict-conformant { background: var(--ok-bg); border-color: var(--ok); }
.verdict-inconclusive { background: var(--warn-bg); border-color: var(--warn); }
.verdict .label { font-size: 1.05rem; font-weight: 700; text-transform: uppercase; margin: 0; }
.notice { background: var(--warn-bg); border-left: 4px solid var(--warn); padding: .5rem .75rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 1rem 0; }
dl.facts dt { font-weight: 600; color: var(--muted); }
dl.facts dd { margin: 0; }
.hash { font-size: .8em; color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .92rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: var(--bg-soft); }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
table.counts { width: auto; min-width: 24rem; }
.outcome-failed { color: var(--fail); font-weight: 700; }
.outcome-cantTell { color: var(--warn); font-weight: 700; }
.outcome-passed { color: var(--ok); }
nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; padding: 0; margin: 1rem 0 0; }
.lead { color: var(--muted); }
.entry { border: 1px solid var(--line); border-radius: 6px; padding: .25rem 1rem .75rem; margin: 1rem 0; break-inside: avoid-page; }
.entry h3 .level { font-size: .8rem; font-weight: 700; padding: .05rem .4rem; border-radius: 3px; background: var(--bg-soft); vertical-align: middle; }
.tally { font-weight: 600; }
.group { border-top: 1px dashed var(--line); margin-top: .75rem; padding-top: .25rem; }
.meta { color: var(--muted); font-size: .9rem; }
ol.examples { padding-left: 1.25rem; }
ol.examples > li { margin: .5rem 0; }
ol.all { padding-left: 2.5rem; font-size: .9rem; }
details { margin: .25rem 0; }
summary { cursor: pointer; color: var(--open); }
details.exchange { border-left: 3px solid var(--line); padding-left: .5rem; }
dl.headers { display: grid; grid-template-columns: max-content 1fr; gap: 0 .75rem; font-size: .85rem; margin: .25rem 0; }
dl.headers dt { font-family: ui-monospace, Menlo, Consolas, monospace; color: var(--muted); }
dl.headers dd { margin: 0; overflow-wrap: anywhere; }
footer { color: var(--muted); font-size: .85rem; margin-top: 3rem; padding-bottom: 2rem; border-top: 1px solid var(--line); }
:focus-visible { outline: 3px solid var(--open); outline-offset: 2px; }
@media print {
  body { font-size: 10.5pt; }
  nav { display: none; }
  header, main, footer { max-width: none; padding: 0; }
  h2 { break-before: auto; break-after: avoid-page; }
  h3, h4, summary { break-after: avoid-page; }
  tr, .example { break-inside: avoid-page; }
  pre { max-height: none; overflow: visible; }
  details.fold::details-content { content-visibility: visible; display: block; }
  details.fold > summary { list-style: none; }
  a { color: inherit; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .8em; overflow-wrap: anywhere; }
}
`;

/** The 'sha256-…' source of the style sheet for the Content-Security-Policy. */
export const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE, 'utf8').digest('base64')}'`;
