/** Questions checks ask of occurrences: each object once, and the values of a relation property. */
import { childPointer } from '../core/json-pointer.js';
import type { Relation } from './model.js';
import type { Occurrence, Role } from './occurrences.js';

const PREFERENCE: Readonly<Record<Role, number>> = { fetched: 0, listItem: 1, embedded: 2 };

/**
 * One occurrence per object: the one at its own URL where the crawl fetched it, else a list
 * item, else an embedded copy; objects without an `id` each count once.
 */
export function distinctObjects(occurrences: readonly Occurrence[]): Occurrence[] {
  const chosen = new Map<string, Occurrence>();
  const anonymous: Occurrence[] = [];
  for (const occurrence of occurrences) {
    const id = occurrence.object.id;
    if (typeof id !== 'string') {
      anonymous.push(occurrence);
      continue;
    }
    const current = chosen.get(id);
    if (!current || PREFERENCE[occurrence.role] < PREFERENCE[current.role]) chosen.set(id, occurrence);
  }
  return [...chosen.values(), ...anonymous];
}

/** The values of a relation property with their pointers: each item of an array, or the value itself. */
export function relationValues(occurrence: Occurrence, property: string, relation: Relation): Array<[unknown, string]> {
  const value = occurrence.object[property];
  const at = childPointer(occurrence.pointer, property);
  if (relation.many && Array.isArray(value)) return value.map((item, index) => [item, childPointer(at, index)]);
  return value === undefined ? [] : [[value, at]];
}
