/**
 * The pattern of a finding's message: the message with the parts that vary between occurrences
 * of one defect — URLs and numbers (positions, array indexes of a JSON pointer, statuses) —
 * replaced by "…". Findings of one check and code with the same pattern are one defect, shown
 * once with a count (finding-groups.ts).
 */

/** An absolute URL (RFC 3986 scheme "://"), up to white space, a quote or an angle bracket. */
const URL = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi;
/**
 * A number standing on its own or in a pointer, with decimal, thousands or time separators; not
 * a number that is part of an identifier ("BR-DE-15", "BT-95", "UTF-8", "v2").
 */
const NUMBER = /(?<![\p{L}\d-])\d+(?:[.,:]\d+)*(?![\p{L}\d])/gu;

const VARYING = '…';

export function messagePattern(message: string): string {
  return message.replace(URL, VARYING).replace(NUMBER, VARYING);
}
