/**
 * The files an attestation covers: every regular file below the output folder, named by its
 * path relative to the folder with `/` between segments, in a stable order — all but the
 * attestation itself and the temporaries of a write under way. Anything else there (a link, a
 * socket) is listed apart: konform neither follows nor attests it.
 */
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { ATTESTATION_FILE, isTemporaryFile } from '../report/output-folder.js';

export interface FolderFiles {
  files: string[];
  others: string[];
}

export async function folderFiles(dir: string): Promise<FolderFiles> {
  const files: string[] = [];
  const others: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isDirectory()) continue;
    const name = relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/');
    if (name === ATTESTATION_FILE || isTemporaryFile(entry.name)) continue;
    (entry.isFile() ? files : others).push(name);
  }
  return { files: files.sort(), others: others.sort() };
}
