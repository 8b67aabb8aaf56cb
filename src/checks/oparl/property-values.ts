/**
 * `oparl.property-values`: the values of an object's properties as OParl §2.4 wants them.
 * Strings are not XML/HTML-escaped ("darf nicht": no "&amp;", "&#228;", …). A property without
 * data is left out rather than given as null, [] or "" ("sollten nicht", "empfohlen"); for a
 * mandatory property null is the object-schema check's, and [] is what §2.4 demands. With
 * `whitespace`, strings that begin or end with white space (a no-break space after a postal
 * code, say) are reported as information: no rule of OParl forbids them, but they are rarely
 * meant. Internal objects are examined on their own.
 */
import type { Finding } from '../../model/types.js';
import { childPointer } from '../../core/json-pointer.js';
import { isJsonObject } from '../../openapi/refs.js';
import { objectFinding } from '../../oparl/findings.js';
import type { Occurrence } from '../../oparl/occurrences.js';
import { RULE } from '../../oparl/rules.js';
import { perTypeKind, type OParlOptions } from './shared.js';

export type PropertyValuesOptions = OParlOptions & { whitespace?: boolean };

/** A character reference or entity reference of XML/HTML, e.g. "&amp;", "&#228;", "&#x2F;". */
const MARKUP_ESCAPE = /&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/i;
/** White space at the start or end of a string; `\s` includes U+00A0 NO-BREAK SPACE. */
const PADDING = /^\s+|\s+$/gu;

function emptyFinding(occurrence: Occurrence, name: string, value: unknown): Finding | undefined {
  const pointer = childPointer(occurrence.pointer, name);
  if (value === null) return objectFinding(occurrence, RULE.JSON_NO_NULL, 'null-value', `"${name}" is null`, { pointer });
  if (Array.isArray(value) && value.length === 0) return objectFinding(occurrence, RULE.JSON_NO_EMPTY_ARRAY, 'empty-array', `"${name}" is []`, { pointer });
  if (value === '') return objectFinding(occurrence, RULE.JSON_NO_EMPTY_STRING, 'empty-string', `"${name}" is ""`, { pointer });
  return undefined;
}

/** Every string in `value` with its pointer, except inside the properties `skip`. */
function stringsOf(value: unknown, pointer: string, skip: ReadonlySet<string>, found: Array<[string, string]>): Array<[string, string]> {
  if (typeof value === 'string') found.push([value, pointer]);
  else if (Array.isArray(value)) value.forEach((item, index) => stringsOf(item, childPointer(pointer, index), new Set(), found));
  else if (isJsonObject(value)) for (const [name, item] of Object.entries(value)) if (!skip.has(name)) stringsOf(item, childPointer(pointer, name), new Set(), found);
  return found;
}

function stringFindings(occurrence: Occurrence, value: string, pointer: string, whitespace: boolean): Finding[] {
  const findings: Finding[] = [];
  const escape = MARKUP_ESCAPE.exec(value)?.[0];
  if (escape) findings.push(objectFinding(occurrence, RULE.JSON_NO_MARKUP_ESCAPING, 'markup-escaped', `the string contains the markup escape "${escape}"`, { pointer, params: { escape } }));
  const padding = whitespace ? (value.match(PADDING) ?? []).join('') : '';
  if (padding) {
    const named = [...new Set(padding)].map((char) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`).join(', ');
    findings.push(objectFinding(occurrence, undefined, 'padded-string', `${JSON.stringify(value)} begins or ends with white space (${named})`, { pointer, severity: 'info' }));
  }
  return findings;
}

export const propertyValuesKind = perTypeKind<PropertyValuesOptions>({
  name: 'oparl.property-values',
  description: 'Strings are not markup-escaped; properties without data are left out',
  decides: [RULE.JSON_NO_NULL, RULE.JSON_NO_EMPTY_ARRAY, RULE.JSON_NO_EMPTY_STRING, RULE.JSON_NO_MARKUP_ESCAPING],
  properties: { whitespace: { type: 'boolean', default: false } },
  examine(occurrence, { crawl, type, options }) {
    const objectType = crawl.model.types.get(type);
    const internal = new Set([...(objectType?.relations ?? [])].filter(([, relation]) => relation.kind === 'embedded').map(([name]) => name));
    const findings: Finding[] = [];
    for (const [name, value] of Object.entries(occurrence.object)) {
      const empty = objectType?.required.includes(name) ? undefined : emptyFinding(occurrence, name, value);
      if (empty) findings.push(empty);
    }
    for (const [value, pointer] of stringsOf(occurrence.object, occurrence.pointer, internal, [])) {
      findings.push(...stringFindings(occurrence, value, pointer, options.whitespace === true));
    }
    return findings;
  },
});
