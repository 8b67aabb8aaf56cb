/**
 * OASIS XML Catalogs 1.1 (https://www.oasis-open.org/committees/download.php/14809/xml-catalogs.html),
 * the part konform needs to map absolute schemaLocations onto a standard's pinned copies:
 * `uri`, `rewriteURI`, `uriSuffix` (§6.5.7–9) and `system`, `rewriteSystem`, `systemSuffix`
 * (§6.5.4–6), inside `catalog` and `group` with `xml:base` (§6.4). Resolution follows §7.2.2
 * (URI entries) and then §7.1.2 (system entries): an exact match, else the longest rewrite
 * prefix, else the longest suffix. Delegation and `nextCatalog` are not supported: a
 * standard's catalog must name every mapping itself.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { XmlElement, type XmlTreeNode } from 'libxml2-wasm';
import { ERROR_CODES, KonformError } from '../model/errors.js';
import { parseXml } from './parse.js';

const CATALOG_NS = 'urn:oasis:names:tc:entity:xmlns:xml:catalog';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

type Match = 'exact' | 'prefix' | 'suffix';
interface Entry {
  match: Match;
  key: string;
  /** Absolute target for exact and suffix entries, the rewrite prefix for prefix entries. */
  target: string;
}

/** Per element name: which attribute holds the key, which the target, how it matches. */
const ENTRY_FORMS: Record<string, { family: 'uri' | 'system'; match: Match; key: string; target: string }> = {
  uri: { family: 'uri', match: 'exact', key: 'name', target: 'uri' },
  rewriteURI: { family: 'uri', match: 'prefix', key: 'uriStartString', target: 'rewritePrefix' },
  uriSuffix: { family: 'uri', match: 'suffix', key: 'uriSuffix', target: 'uri' },
  system: { family: 'system', match: 'exact', key: 'systemId', target: 'uri' },
  rewriteSystem: { family: 'system', match: 'prefix', key: 'systemIdStartString', target: 'rewritePrefix' },
  systemSuffix: { family: 'system', match: 'suffix', key: 'systemIdSuffix', target: 'uri' },
};

export interface XmlCatalog {
  /** The mapped location of `uri` (a file path, or a URL when the catalog maps to one). */
  resolve(uri: string): string | undefined;
}

function elementChildren(element: XmlElement): XmlElement[] {
  const children: XmlElement[] = [];
  for (let node: XmlTreeNode | null = element.firstChild; node; node = node.next) {
    if (node instanceof XmlElement && node.namespaceUri === CATALOG_NS) children.push(node);
  }
  return children;
}

function collect(element: XmlElement, base: URL, entries: Record<'uri' | 'system', Entry[]>): void {
  const xmlBase = element.attrs.find((attr) => attr.name === 'base' && attr.namespaceUri === XML_NS)?.value;
  const here = xmlBase ? new URL(xmlBase, base) : base;
  const form = ENTRY_FORMS[element.name];
  if (form) {
    const key = element.attr(form.key)?.value;
    const target = element.attr(form.target)?.value;
    if (key && target) entries[form.family].push({ match: form.match, key, target: new URL(target, here).href });
  }
  if (element.name === 'catalog' || element.name === 'group') {
    for (const child of elementChildren(element)) collect(child, here, entries);
  }
}

function lookup(entries: Entry[], uri: string): string | undefined {
  const exact = entries.find((entry) => entry.match === 'exact' && entry.key === uri);
  if (exact) return exact.target;
  const longest = (match: Match, test: (key: string) => boolean) =>
    entries.filter((entry) => entry.match === match && test(entry.key)).sort((a, b) => b.key.length - a.key.length)[0];
  const rewrite = longest('prefix', (key) => uri.startsWith(key));
  if (rewrite) return rewrite.target + uri.slice(rewrite.key.length);
  return longest('suffix', (key) => uri.endsWith(key))?.target;
}

function asLocation(href: string): string {
  return href.startsWith('file:') ? fileURLToPath(href) : href;
}

/** Reads a catalog; relative targets resolve against `file`, the catalog's own path. */
export function parseCatalog(bytes: Uint8Array, file: string): XmlCatalog {
  const parsed = parseXml(bytes, file);
  if (!parsed.document) {
    throw new KonformError(ERROR_CODES.STANDARD_INVALID, `the XML catalog is not well-formed: ${parsed.findings[0]?.message}`, { file });
  }
  const entries: Record<'uri' | 'system', Entry[]> = { uri: [], system: [] };
  try {
    const root = parsed.document.root;
    if (root.namespaceUri !== CATALOG_NS || root.name !== 'catalog') {
      throw new KonformError(ERROR_CODES.STANDARD_INVALID, `not an OASIS XML catalog (root ${root.name})`, { file });
    }
    collect(root, pathToFileURL(file), entries);
  } finally {
    parsed.document.dispose();
  }
  return {
    resolve(uri) {
      const target = lookup(entries.uri, uri) ?? lookup(entries.system, uri);
      return target === undefined ? undefined : asLocation(target);
    },
  };
}
