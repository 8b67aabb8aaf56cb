/**
 * Inclusion, resolved on the tree before anything else: `sch:include` is replaced by the
 * referenced element (ISO/IEC 19757-3:2016 §5.4.5), `sch:extends` with `href` by the children
 * of the referenced rule (§5.4.4). An `href` is relative to the including file and may name an
 * element by `#id`; every file is read through the caller (konform: the hash-verified artifacts).
 */
import { posix } from 'node:path';
import { ERROR_CODES, KonformError } from '../../model/errors.js';
import { attr, childElements, isSch, parseSourceTree, type SchElement } from './tree.js';

export type ReadSource = (path: string) => Promise<Uint8Array>;

const MAX_DEPTH = 32;

function fail(file: string, message: string): never {
  throw new KonformError(ERROR_CODES.STANDARD_INVALID, message, { file });
}

function findById(element: SchElement, id: string): SchElement | undefined {
  if (attr(element, 'id') === id) return element;
  for (const child of childElements(element)) {
    const found = findById(child, id);
    if (found) return found;
  }
  return undefined;
}

async function referenced(from: SchElement, href: string, read: ReadSource, chain: string[]): Promise<SchElement> {
  const [location = '', fragment] = href.split('#');
  const path = location === '' ? from.file : posix.normalize(posix.join(posix.dirname(from.file), location));
  const key = `${path}#${fragment ?? ''}`;
  if (chain.includes(key) || chain.length >= MAX_DEPTH) fail(from.file, `the Schematron includes ${href} recursively`);
  const root = parseSourceTree(await read(path), path);
  const target = fragment ? findById(root, fragment) : root;
  if (!target) fail(path, `the Schematron file ${path} has no element with id "${fragment}" (referenced from ${from.file})`);
  return resolveIncludes(target, read, [...chain, key]);
}

/** Returns the element with every include and `extends href` below it replaced. */
export async function resolveIncludes(element: SchElement, read: ReadSource, chain: string[] = []): Promise<SchElement> {
  const children: SchElement['children'] = [];
  for (const child of element.children) {
    if (typeof child === 'string') {
      children.push(child);
      continue;
    }
    const href = attr(child, 'href');
    if (isSch(child, 'include') && href) children.push(await referenced(child, href, read, chain));
    else if (isSch(child, 'extends') && href) children.push(...(await referenced(child, href, read, chain)).children);
    else children.push(await resolveIncludes(child, read, chain));
  }
  return { ...element, children };
}
