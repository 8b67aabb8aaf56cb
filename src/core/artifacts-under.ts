/** A standard's artifacts by folder: its code lists under `codelists/`, its schemas under `xsd/`. */
import type { Standard } from '../model/types.js';

/** `folder` as a path prefix, ending in `/`. */
export function folderPrefix(folder: string): string {
  return folder.endsWith('/') ? folder : `${folder}/`;
}

/** The artifact paths of `standard` below `folder` that end in `extension`. */
export function artifactsUnder(standard: Pick<Standard, 'artifacts'>, folder: string, extension: string): string[] {
  const prefix = folderPrefix(folder);
  return standard.artifacts.map((artifact) => artifact.path).filter((path) => path.startsWith(prefix) && path.endsWith(extension));
}
