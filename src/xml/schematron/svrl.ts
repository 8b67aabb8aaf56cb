/**
 * Reads an SVRL report (ISO/IEC 19757-3:2016 Annex D): the `failed-assert` and
 * `successful-report` elements with their attributes, text and diagnostic references, and the
 * rules that fired (`fired-rule` in its `active-pattern`, fired-rules.ts). Other SVRL elements
 * are skipped.
 */
import { XmlElement } from 'libxml2-wasm';
import { parseXml } from '../parse.js';
import type { SvrlAssertion, SvrlReport } from './engine.js';
import { ruleKey, type RuleKey } from './fired-rules.js';

const SVRL = 'http://purl.oclc.org/dsdl/svrl';
const KINDS = new Set(['failed-assert', 'successful-report']);

function children(element: XmlElement, local: string): XmlElement[] {
  const found: XmlElement[] = [];
  for (let child = element.firstChild; child; child = child.next) {
    if (child instanceof XmlElement && child.namespaceUri === SVRL && child.name === local) found.push(child);
  }
  return found;
}

function textOf(element: XmlElement): string {
  return children(element, 'text')
    .map((text) => text.content)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function attribute(element: XmlElement, name: string): string | undefined {
  return element.attrs.find((candidate) => candidate.name === name && candidate.namespaceUri === '')?.value;
}

function assertionOf(element: XmlElement): SvrlAssertion {
  const optional = (name: 'id' | 'flag' | 'role') => {
    const value = attribute(element, name);
    return value === undefined ? {} : { [name]: value };
  };
  return {
    kind: element.name as SvrlAssertion['kind'],
    ...optional('id'),
    ...optional('flag'),
    ...optional('role'),
    location: attribute(element, 'location') ?? '',
    test: attribute(element, 'test') ?? '',
    text: textOf(element),
    diagnostics: children(element, 'diagnostic-reference').map(textOf),
  };
}

/** The assertions of the report in document order and the rules that fired; throws when the text is not SVRL. */
export function parseSvrl(bytes: Uint8Array, name: string): SvrlReport {
  const parsed = parseXml(bytes, name);
  if (!parsed.document) throw new Error(`the SVRL report of ${name} is not XML: ${parsed.findings.map((finding) => finding.message).join('; ')}`);
  try {
    const root = parsed.document.root;
    if (root.namespaceUri !== SVRL || root.name !== 'schematron-output') throw new Error(`the report of ${name} is not SVRL (root ${root.name})`);
    const assertions: SvrlAssertion[] = [];
    const firedRules = new Set<RuleKey>();
    let pattern = 0;
    for (let child = root.firstChild; child; child = child.next) {
      if (!(child instanceof XmlElement) || child.namespaceUri !== SVRL) continue;
      if (child.name === 'active-pattern') pattern += 1;
      else if (child.name === 'fired-rule') firedRules.add(ruleKey(pattern, attribute(child, 'context') ?? ''));
      else if (KINDS.has(child.name)) assertions.push(assertionOf(child));
    }
    return { assertions, firedRules: [...firedRules] };
  } finally {
    parsed.document.dispose();
  }
}
