/** Creating a folder with its missing ancestors, without Node's recursive mkdir. */
import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Undefined once the folder is there (made now or before), else the error of mkdir. */
async function madeOrThere(path: string): Promise<NodeJS.ErrnoException | undefined> {
  try {
    await mkdir(path);
    return undefined;
  } catch (error) {
    const failure = error as NodeJS.ErrnoException;
    if (failure.code === 'EEXIST' && (await stat(path).then((found) => found.isDirectory(), () => false))) return undefined;
    return failure;
  }
}

/**
 * Creates the folder and its missing ancestors, each once. (Node's recursive mkdir loops for
 * ever where mkdir answers ENOENT below a folder that exists, as in /proc.)
 */
export async function makeFolder(path: string): Promise<void> {
  const first = await madeOrThere(path);
  if (first === undefined) return;
  const parent = dirname(path);
  if (first.code !== 'ENOENT' || parent === path) throw first;
  await makeFolder(parent);
  const second = await madeOrThere(path);
  if (second !== undefined) throw second;
}
