/**
 * One Genericode 1.0 code list (OASIS Code List Representation, genericode 1.0 §3) as konform
 * uses it: its identification (CanonicalUri = the XÖV listURI, Version = the listVersionID)
 * and, per code of the key column, the other values of its row.
 *
 * The key column is the one the XÖV metadata marks as recommended in Key/Annotation/AppInfo —
 * `xoev-cl-4:recommendedKeyColumn` (XÖV Codelisten-Handbuch 1.2), `xoev-cl-3:empfohleneCodeSpalte`
 * (1.1) or `xoev-code` (genericode/1_0 and /2 metadata) — else the column of the first Key.
 */
import { childrenNamed, collapseWhitespace } from './element-queries.js';
import { parseElementTree, type XmlElement } from './element-tree.js';

export const GENERICODE_NAMESPACE = 'http://docs.oasis-open.org/codelist/ns/genericode/1.0/';
const XOEV_METADATA = /^http:\/\/xoev\.de\/schemata\/genericode\/(1_0|2|3|4)$/;
const KEY_MARKERS = new Set(['recommendedKeyColumn', 'empfohleneCodeSpalte', 'xoev-code']);

export interface CodeList {
  uri: string;
  version: string;
  /** Id of the key column whose values are the codes. */
  keyColumn: string;
  /** Code → the row's other values, in column order. */
  rows: ReadonlyMap<string, readonly string[]>;
}

/** Genericode's own children are unqualified (only the document element is in its namespace). */
function child(element: XmlElement | undefined, local: string): XmlElement | undefined {
  return element ? childrenNamed(element, '', local)[0] : undefined;
}

function keyColumnOf(columnSet: XmlElement): string {
  const keys = childrenNamed(columnSet, '', 'Key');
  const marked = keys.find((key) =>
    (child(child(key, 'Annotation'), 'AppInfo')?.children ?? []).some((marker) => XOEV_METADATA.test(marker.namespace) && KEY_MARKERS.has(marker.local)),
  );
  const key = marked ?? keys[0];
  const ref = key && child(key, 'ColumnRef')?.attributes.Ref;
  if (!ref) throw new Error('the code list declares no key column');
  return ref;
}

/**
 * The values of a row by column id. A Value without ColumnRef is for the column after the
 * previous value's (genericode 1.0 §3.7.1).
 */
function rowValues(row: XmlElement, columns: readonly string[]): Map<string, string> {
  const values = new Map<string, string>();
  let index = -1;
  for (const value of childrenNamed(row, '', 'Value')) {
    const ref = value.attributes.ColumnRef;
    index = ref === undefined ? index + 1 : columns.indexOf(ref);
    const simple = child(value, 'SimpleValue');
    const column = columns[index];
    if (simple && column !== undefined) values.set(column, simple.text);
  }
  return values;
}

export function parseGenericode(text: string): CodeList {
  const { root } = parseElementTree(text);
  if (root.namespace !== GENERICODE_NAMESPACE || root.local !== 'CodeList') {
    throw new Error(`not a Genericode 1.0 CodeList (root element {${root.namespace}}${root.local})`);
  }
  const identification = child(root, 'Identification');
  const uri = child(identification, 'CanonicalUri')?.text.trim();
  const version = child(identification, 'Version')?.text.trim();
  const columnSet = child(root, 'ColumnSet');
  if (!uri || !version || !columnSet) throw new Error('the code list lacks Identification/CanonicalUri, Version or ColumnSet');
  const columns = childrenNamed(columnSet, '', 'Column').map((column) => column.attributes.Id ?? '');
  const keyColumn = keyColumnOf(columnSet);
  const rows = new Map<string, string[]>();
  for (const row of childrenNamed(child(root, 'SimpleCodeList') ?? root, '', 'Row')) {
    const values = rowValues(row, columns);
    const code = values.get(keyColumn);
    if (code === undefined) continue;
    rows.set(collapseWhitespace(code), columns.filter((column) => column !== keyColumn && values.has(column)).map((column) => values.get(column) as string));
  }
  return { uri, version, keyColumn, rows };
}
