/**
 * Text as a file for people may show it, whatever a hostile server sent: C0 and C1 controls
 * (tab, line feed and carriage return excepted) and lone surrogates, which have no business in a
 * text file and which HTML counts as parse errors (HTML §13.2.5), become U+FFFD.
 */
const UNPRINTABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\p{Cs}/gu;

export function printable(value: string): string {
  return value.replace(UNPRINTABLE, '\uFFFD');
}
