/**
 * An HTTP exchange in report.html, folded: the request line and what came of it in the summary,
 * the headers and body excerpts (redacted, as report.json keeps them) inside.
 */
import type { Exchange } from '../../model/exchange.js';
import type { Messages } from '../i18n/index.js';
import { describeExchange } from '../describe-finding.js';
import { code, html } from './escape.js';

function headers(values: Record<string, string | string[]>): string {
  const rows = Object.entries(values).flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((one) => `<dt>${html(name)}</dt><dd>${html(one)}</dd>`));
  return rows.length > 0 ? `<dl class="headers">${rows.join('')}</dl>` : '';
}

const excerpt = (text: string | undefined) => (text ? `<pre>${html(text)}</pre>` : '');

function response(exchange: Exchange, t: Messages): string {
  const { response: answer, error } = exchange;
  if (answer) {
    const size = t.exchange.bytes(answer.bodyBytes, answer.truncated);
    return `<p>${html(t.exchange.response(answer.status))} · ${code(answer.url)} · ${html(size)}</p>${headers(answer.headers)}${excerpt(answer.bodyExcerpt)}`;
  }
  return error ? `<p>${html(t.exchange.noResponse(error.reason, error.message))}</p>` : '';
}

export function exchangeDetails(exchange: Exchange, t: Messages): string {
  const { request } = exchange;
  const redirects = exchange.redirects?.length
    ? `<p>${html(t.exchange.redirects)}: ${exchange.redirects.map(({ status, location }) => `${status} → ${code(location)}`).join(', ')}</p>`
    : '';
  const retried = exchange.retried?.length
    ? `<p>${html(t.exchange.retried)}: ${exchange.retried.map(({ url, message }) => `${code(url)} (${html(message)})`).join(', ')}</p>`
    : '';
  return [
    `<details class="exchange fold"><summary>${html(t.exchange.title)} ${code(exchange.id)}: ${code(describeExchange(exchange))}</summary>`,
    `<p>${html(t.exchange.request)}: ${code(`${request.method} ${request.url}`)}</p>${headers(request.headers)}${excerpt(request.bodyExcerpt)}`,
    redirects + retried,
    response(exchange, t),
    '</details>',
  ].join('\n');
}
