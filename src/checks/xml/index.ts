/**
 * The `xml.*` check kinds: one line each. A kind imports its implementation (src/xml/*, and
 * with it libxml2-wasm and fast-xml-parser) with `import()` when it first runs, never at the
 * top: a run without XML checks, an OpenAPI run say, does not load them.
 */
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
