/**
 * Where the parts of an XÖV message header are, per flavour:
 * - `g2g`: XÖV Basisnachricht g2g 1.1 (XBau, XWasser), `nachrichtenkopf.g2g` with
 *   identifikation.nachricht/{nachrichtenUUID, nachrichtentyp, erstellungszeitpunkt}, `autor`
 *   and `leser` (type Behoerde: verzeichnisdienst + kennung + name). Unqualified: the header and
 *   its children are in no namespace.
 * - `xdomea`: xdomea 3.0.0 `Kopf` (NkBasisType: ProzessID, Nachrichtentyp, Erstellungszeitpunkt,
 *   Absender, Empfaenger of KontaktType), in the xdomea namespace like the root element.
 */
import { childrenNamed, collapseWhitespace } from './element-queries.js';
import type { XmlElement } from './element-tree.js';

export type HeaderFlavour = 'g2g' | 'xdomea';

export interface HeaderParts {
  header: XmlElement;
  uuid: XmlElement | undefined;
  type: XmlElement | undefined;
  time: XmlElement | undefined;
  authors: XmlElement[];
  readers: XmlElement[];
}

interface FlavourSpec {
  /** The header element's local name; its namespace is given by `qualified`. */
  header: string;
  /** Whether the header and its parts are in the root element's namespace (else in none). */
  qualified: boolean;
  uuid: string[];
  type: string[];
  time: string[];
  author: string;
  reader: string;
  /** Why a party is not identified; undefined when it is. */
  unidentified(party: XmlElement, namespace: string): string | undefined;
}

function find(element: XmlElement | undefined, namespace: string, path: readonly string[]): XmlElement | undefined {
  let at = element;
  for (const step of path) at = at && childrenNamed(at, namespace, step)[0];
  return at;
}

/** The collapsed text of the element at `path`; '' when there is none. */
function textAt(element: XmlElement | undefined, namespace: string, path: readonly string[]): string {
  const found = find(element, namespace, path);
  return found ? collapseWhitespace(found.text) : '';
}

/** The `code` child of an XÖV code element is unqualified (xoev-code.xsd). */
const codeAt = (party: XmlElement, namespace: string, path: readonly string[]) => textAt(find(party, namespace, path), '', ['code']);

/** XÖV Basisnachricht, BehoerdeType: the directory service and the key within it identify the authority. */
function unidentifiedAuthority(party: XmlElement, namespace: string): string | undefined {
  const missing = [
    ...(codeAt(party, namespace, ['verzeichnisdienst']) === '' ? ['verzeichnisdienst/code'] : []),
    ...(textAt(party, namespace, ['kennung']) === '' ? ['kennung'] : []),
  ];
  return missing.length === 0 ? undefined : `${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} missing or empty`;
}

/** xdomea KontaktType: every part is optional; konform wants an authority key or a name. */
function unidentifiedContact(party: XmlElement, namespace: string): string | undefined {
  const names = [['Institution', 'Name'], ['Organisationseinheit', 'Name'], ['Name', 'Familienname', 'Name']];
  if (codeAt(party, namespace, ['Behoerdenkennung', 'Behoerdenschluessel']) !== '') return undefined;
  if (names.some((path) => textAt(party, namespace, path) !== '')) return undefined;
  return 'it has neither a Behoerdenkennung/Behoerdenschluessel code nor the name of an Institution, Organisationseinheit or person';
}

const FLAVOURS: Record<HeaderFlavour, FlavourSpec> = {
  g2g: {
    header: 'nachrichtenkopf.g2g',
    qualified: false,
    uuid: ['identifikation.nachricht', 'nachrichtenUUID'],
    type: ['identifikation.nachricht', 'nachrichtentyp'],
    time: ['identifikation.nachricht', 'erstellungszeitpunkt'],
    author: 'autor',
    reader: 'leser',
    unidentified: unidentifiedAuthority,
  },
  xdomea: {
    header: 'Kopf',
    qualified: true,
    uuid: ['ProzessID'],
    type: ['Nachrichtentyp'],
    time: ['Erstellungszeitpunkt'],
    author: 'Absender',
    reader: 'Empfaenger',
    unidentified: unidentifiedContact,
  },
};

/** The header's parts; undefined when the root has no header of the flavour. */
export function headerParts(root: XmlElement, flavour: HeaderFlavour): HeaderParts | undefined {
  const spec = FLAVOURS[flavour];
  const namespace = spec.qualified ? root.namespace : '';
  const header = childrenNamed(root, namespace, spec.header)[0];
  if (!header) return undefined;
  const part = (path: readonly string[]) => find(header, namespace, path);
  return {
    header,
    uuid: part(spec.uuid),
    type: part(spec.type),
    time: part(spec.time),
    authors: childrenNamed(header, namespace, spec.author),
    readers: childrenNamed(header, namespace, spec.reader),
  };
}

/** Why a party (author/sender, reader/recipient) is not identified; undefined when it is. */
export function unidentifiedParty(party: XmlElement, flavour: HeaderFlavour): string | undefined {
  return FLAVOURS[flavour].unidentified(party, party.namespace);
}

/** The header element's name for messages: `nachrichtenkopf.g2g`, `Kopf`. */
export function headerName(flavour: HeaderFlavour): string {
  return FLAVOURS[flavour].header;
}
