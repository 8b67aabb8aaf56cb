/**
 * Escaping for XML 1.0 output. Values come from hostile servers too, so characters that
 * XML 1.0 does not allow at all are replaced rather than escaped.
 */

/**
 * Everything outside the Char production of XML 1.0 §2.2
 * (#x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]):
 * C0 controls, lone surrogates, U+FFFE and U+FFFF. They cannot even be written as character
 * references (§4.1, well-formedness constraint "Legal Character").
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Replaces characters XML 1.0 forbids with U+FFFD REPLACEMENT CHARACTER. */
export function toXmlChars(value: string): string {
  return value.replace(NOT_XML_CHAR, '\uFFFD');
}

/**
 * Character data (§2.4): `&` and `<` must be escaped, `>` too so that `]]>` never appears;
 * CR is kept as a reference because parsers normalise line ends (§2.11).
 */
export function escapeXmlText(value: string): string {
  return toXmlChars(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/**
 * Attribute values in double quotes (§3.1, AttValue): tab, LF and CR become references,
 * otherwise attribute-value normalisation (§3.3.3) turns them into spaces.
 */
export function escapeXmlAttribute(value: string): string {
  return escapeXmlText(value)
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;');
}

/** ` name="value"` for each defined attribute, in order. */
export function xmlAttributes(attributes: Record<string, string | number | undefined>): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXmlAttribute(String(value))}"`)
    .join('');
}
