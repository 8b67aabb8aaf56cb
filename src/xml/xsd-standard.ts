/**
 * A standard's schema, compiled from its pinned artifacts: the entry schema and the XML
 * catalog are artifact paths of the standard (`xsd/xwasser.xsd`, `xsd/catalog.xml`); every
 * file libxml2 reads is a pinned artifact whose sha256 is checked as it is read.
 */
import { resolve } from 'node:path';
import { ERROR_CODES, KonformError } from '../model/errors.js';
import { parseCatalog, type XmlCatalog } from './catalog.js';
import type { XsdSchema } from './xsd.js';
import { compileXsd } from './xsd.js';
import { pinnedInputs, type PinnedStandard } from './xsd-inputs.js';

export interface StandardSchema {
  /** Artifact path of the entry schema. */
  schema: string;
  /** Artifact path of an OASIS XML catalog for absolute schemaLocations. */
  catalog?: string;
}

function readCatalog(standard: PinnedStandard, path: string): XmlCatalog {
  const file = resolve(standard.dir, path);
  const answer = pinnedInputs(standard)(file);
  if ('refused' in answer) throw new KonformError(ERROR_CODES.STANDARD_INVALID, `the XML catalog cannot be read: ${answer.refused}`, { file });
  return parseCatalog(answer.bytes, file);
}

export function compileStandardXsd(standard: PinnedStandard, { schema, catalog }: StandardSchema): XsdSchema {
  const mapping = catalog === undefined ? undefined : readCatalog(standard, catalog);
  return compileXsd(resolve(standard.dir, schema), pinnedInputs(standard, mapping));
}
