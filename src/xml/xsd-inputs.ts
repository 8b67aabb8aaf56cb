/**
 * What libxml2 may read while it compiles a standard's schema: the standard's own pinned
 * artifacts and nothing else. A relative schemaLocation resolves against the importing file;
 * an absolute http(s) one is mapped through the standard's XML catalog and never fetched.
 * Every file is read afresh and checked against the sha256 the manifest pins.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Standard } from '../model/types.js';
import { sha256 } from '../core/sha256.js';
import type { XmlCatalog } from './catalog.js';
import type { InputAnswer, InputResolver } from './parse-inputs.js';

const SCHEME = /^[a-z][a-z\d+.-]*:/i;

export type PinnedStandard = Pick<Standard, 'id' | 'version' | 'dir' | 'artifacts'>;

/** The local path a URI names, after the catalog; undefined for a URI that stays remote. */
function localPath(uri: string, catalog: XmlCatalog | undefined): string | undefined {
  if (uri.startsWith('file:')) return fileURLToPath(uri);
  if (!SCHEME.test(uri)) return resolve(uri);
  const mapped = catalog?.resolve(uri);
  if (mapped === undefined || SCHEME.test(mapped)) return undefined;
  return mapped;
}

export function pinnedInputs(standard: PinnedStandard, catalog?: XmlCatalog): InputResolver {
  const pinned = new Map(standard.artifacts.map((artifact) => [artifact.path, artifact.sha256]));
  const name = `${standard.id} ${standard.version}`;
  return (uri): InputAnswer => {
    const path = localPath(uri, catalog);
    if (path === undefined) {
      return { refused: `not mapped to a local copy by the XML catalog of ${name}; konform never fetches schemas` };
    }
    const inside = relative(standard.dir, path);
    const artifact = inside.split(sep).join('/');
    const expected = isAbsolute(inside) || inside.startsWith('..') ? undefined : pinned.get(artifact);
    if (expected === undefined) return { refused: `${path} is not a pinned artifact of ${name}` };
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (error) {
      return { refused: `${artifact} cannot be read: ${(error as Error).message}` };
    }
    if (sha256(bytes) !== expected) return { refused: `${artifact} does not match the sha256 pinned in the manifest of ${name}` };
    return { bytes };
  };
}
