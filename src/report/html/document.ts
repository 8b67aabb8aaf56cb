/**
 * The frame of report.html: one self-contained document. Its Content-Security-Policy allows
 * nothing but its own style sheet (by hash) and data: images — no script, no request to any
 * host, no form, no base URL — so that whatever a hostile server's text holds, opening the
 * report fetches nothing and runs nothing. A <meta> policy is enough (CSP Level 3 §4.2): the
 * file is opened from disk, with no server to send a header.
 */
import { html } from './escape.js';
import { STYLE, STYLE_HASH } from './style.js';

const CONTENT_SECURITY_POLICY = `default-src 'none'; style-src ${STYLE_HASH}; img-src data:; base-uri 'none'; form-action 'none'`;

export function documentStart(lang: string, title: string, generator: string): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${html(lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${html(CONTENT_SECURITY_POLICY)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<meta name="generator" content="${html(generator)}">`,
    `<title>${html(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '',
  ].join('\n');
}

export function documentEnd(footer: string): string {
  return `<footer><p>${footer}</p></footer>\n</body>\n</html>\n`;
}
