/** The `xml.*` check kinds: one line each. */
import type { CheckKind } from '../types.js';
import { codeListsKind } from './codelists.js';
import { scenarioKind } from './scenario.js';
import { schematronKind } from './schematron.js';
import { wellFormedKind } from './well-formed.js';
import { xsdKind } from './xsd.js';

export const XML_KINDS: readonly CheckKind<never>[] = [
  wellFormedKind,
  xsdKind,
  codeListsKind,
  scenarioKind,
  schematronKind,
];
