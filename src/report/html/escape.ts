/**
 * HTML escaping for values that may come from a hostile server. Every value is text: `&`, `<`,
 * `>` and both quotes become character references, so a value can neither open an element nor
 * leave an attribute value (HTML §13.1.2.3, §13.2.5.1), and characters HTML counts as parse
 * errors are replaced (printable.ts). Nothing a server sent ever becomes a link.
 */
import { printable } from '../printable.js';

const REFERENCES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** A value as text or as a double-quoted attribute value. */
export function html(value: string | number): string {
  return printable(String(value)).replace(/[&<>"']/g, (character) => REFERENCES[character] as string);
}

/** A value as code (an ID, a URL, a pointer). */
export function code(value: string): string {
  return `<code>${html(value)}</code>`;
}

/** A link to a clause of a standard, where the catalogue gives a plain http(s) URL; the label alone otherwise. */
export function clauseLink(url: string, label: string): string {
  return /^https?:\/\/[^\s<>"']+$/.test(url) ? `<a href="${html(url)}">${label}</a>` : label;
}
