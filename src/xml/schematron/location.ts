/**
 * Maps an SVRL @location to the node in the file: the ISO skeleton's path form, whose steps
 * are `*:local[namespace-uri()='…'][n]` (or `local[n]` without a namespace) and a final
 * `@name` or `@*[local-name()='…' and namespace-uri()='…']`, is walked over the file's start
 * tags (start-tags.ts), which know their offsets. Attributes point at their element.
 */
import { readFile } from 'node:fs/promises';
import { scanStartTags, type Tag } from './start-tags.js';
import { lineStarts, positionAt } from '../text-position.js';
import { xmlText } from '../xml-encoding.js';

export interface NodePosition {
  line: number;
  column: number;
  /** XPath with the document's own prefixes, e.g. `/Invoice[1]/cac:TaxTotal[2]/@currencyID`. */
  xpath: string;
}

const NAMESPACED = /^\*:([^[]+)\[namespace-uri\(\)='([^']*)'\]\[(\d+)\]$/;
const UNQUALIFIED = /^([^[*@:]+)\[(\d+)\]$/;
const ATTRIBUTE = /^@(?:\*\[local-name\(\)='([^']*)'.*|(.+))$/;

/** Splits at the slashes that are not inside predicates or string literals. */
function steps(location: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const char of location) {
    if (char === "'") quoted = !quoted;
    else if (!quoted && char === '[') depth += 1;
    else if (!quoted && char === ']') depth -= 1;
    if (char === '/' && depth === 0 && !quoted) {
      if (current) parts.push(current);
      current = '';
    } else current += char;
  }
  if (current) parts.push(current);
  return parts;
}

const sameName = (a: Tag, b: Tag) => a.local === b.local && a.namespace === b.namespace;

function childAt(candidates: readonly Tag[], step: string): Tag | undefined {
  const namespaced = NAMESPACED.exec(step);
  const unqualified = namespaced ? undefined : UNQUALIFIED.exec(step);
  if (!namespaced && !unqualified) return undefined;
  const [local, namespace, index] = namespaced ? [namespaced[1], namespaced[2], namespaced[3]] : [unqualified?.[1], '', unqualified?.[2]];
  return candidates.filter((tag) => tag.local === local && tag.namespace === namespace)[Number(index) - 1];
}

function xpathOf(tag: Tag): string {
  const path: string[] = [];
  for (let node: Tag | undefined = tag; node; node = node.parent) {
    const current = node;
    const siblings = current.parent ? current.parent.children.filter((other) => sameName(other, current)) : [current];
    path.unshift(`/${current.name}[${siblings.indexOf(current) + 1}]`);
  }
  return path.join('');
}

export function locate(root: Tag, starts: readonly number[], location: string): NodePosition | undefined {
  let tag: Tag | undefined;
  let attribute = '';
  for (const step of steps(location)) {
    const name = ATTRIBUTE.exec(step);
    if (name) {
      attribute = `/@${name[1] ?? name[2]}`;
      break;
    }
    tag = childAt(tag ? tag.children : [root], step);
    if (!tag) return undefined;
  }
  return { ...positionAt(starts, (tag ?? root).start), xpath: tag ? `${xpathOf(tag)}${attribute}` : '/' };
}

/** A lookup of SVRL locations in the file; the file is read only when there is something to locate. */
export async function positionsIn(file: string, needed: boolean): Promise<(location: string) => NodePosition | undefined> {
  if (!needed) return () => undefined;
  const text = xmlText(await readFile(file)) ?? '';
  const root = scanStartTags(text);
  if (!root) return () => undefined;
  const starts = lineStarts(text);
  return (location) => locate(root, starts, location);
}
