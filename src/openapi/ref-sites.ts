/**
 * Where the document refers to another resource: every `$ref` with its JSON pointer, so that
 * an error about a resource can name the ref that led to it.
 */
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { childPointer } from '../core/json-pointer.js';

export interface RefSite {
  /** Pointer of the `$ref` member itself. */
  pointer: string;
  ref: string;
}

export function refSites(root: unknown): RefSite[] {
  const sites: RefSite[] = [];
  const visit = (value: unknown, pointer: string): void => {
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') sites.push({ pointer: childPointer(pointer, key), ref: child });
      else visit(child, childPointer(pointer, key));
    }
  };
  visit(root, '');
  return sites;
}

/** The first ref of the document at `file` that leads to `resource` (a file path or URL, without fragment). */
export function refLeadingTo(root: unknown, file: string, resource: string): RefSite | undefined {
  const wanted = canonical(resource);
  return refSites(root).find((site) => {
    if (site.ref.startsWith('#')) return false;
    try {
      return canonical(new URL(site.ref, pathToFileURL(file)).href.replace(/#.*$/, '')) === wanted;
    } catch {
      return false;
    }
  });
}

function canonical(resource: string): string {
  if (resource.startsWith('file:')) return fileURLToPath(resource);
  if (/^[a-z][a-z0-9+.-]*:/i.test(resource) && !isAbsolute(resource)) return resource;
  return resolve(resource);
}
