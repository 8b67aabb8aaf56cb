/**
 * The rules of RFC 7946 the official GeoJSON JSON Schema cannot express: the first and last
 * positions of a linear ring MUST contain identical values, and a ring MUST follow the right-hand
 * rule (exterior rings counterclockwise, holes clockwise) (§3.1.6), positions SHOULD NOT have
 * more than three elements (§3.1.1), and GeometryCollections SHOULD NOT be nested (§3.1.8; the
 * schema refuses them, validate.ts keeps that from counting as a MUST). What the schema does
 * express (a position has two or more numbers, a ring four or more positions, a LineString two
 * or more) is left to it.
 */
import type { FindingCode } from '../model/finding-codes.js';
import { isJsonObject } from '../openapi/refs.js';

export interface RuleViolation {
  /** ID of the rule in standards/geojson/rfc7946/requirements.yaml. */
  requirement: string;
  code: FindingCode;
  message: string;
  /** JSON pointer into the judged GeoJSON object. */
  pointer: string;
}

type Position = number[];

const isPosition = (value: unknown): value is Position => Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'number');
const arrays = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** §3.1.6: a ring whose first and last positions differ (a ring too short is the schema's). */
function unclosedRing(ring: unknown, pointer: string): RuleViolation[] {
  const positions = arrays(ring);
  const [first, last] = [positions[0], positions.at(-1)];
  if (positions.length < 2 || !isPosition(first) || !isPosition(last)) return [];
  if (first.length === last.length && first.every((value, index) => value === last[index])) return [];
  const message = `the linear ring at ${pointer} is not closed: its first position ${JSON.stringify(first)} and its last ${JSON.stringify(last)} differ (RFC 7946 §3.1.6: they MUST contain identical values)`;
  return [{ requirement: 'GEOJSON-LINEAR-RING', code: 'ring-not-closed', message, pointer }];
}

/**
 * Twice the signed area a ring bounds on the longitude/latitude plane (shoelace formula, the
 * positions taken relative to the first), positive for a counterclockwise ring; and the bound
 * within which it is rounding, of the decimal coordinates held as binary numbers and of the sum:
 * a ring whose area lies within it bounds no area konform can tell the winding of.
 */
function signedArea(positions: Position[]): { area: number; tolerance: number } {
  const [x0 = 0, y0 = 0] = positions[0] ?? [];
  let [area, magnitude, extent] = [0, 0, 0];
  positions.forEach(([x = 0, y = 0], index) => {
    const [next = 0, nextY = 0] = positions[(index + 1) % positions.length] ?? [];
    area += (x - x0) * (nextY - y0) - (next - x0) * (y - y0);
    magnitude = Math.max(magnitude, Math.abs(x), Math.abs(y));
    extent = Math.max(extent, Math.abs(x - x0), Math.abs(y - y0));
  });
  return { area, tolerance: 8 * positions.length * (magnitude + extent) * extent * Number.EPSILON };
}

/** §3.1.6: a ring against the right-hand rule; one that bounds no area has no winding to judge. */
function againstRightHandRule(ring: unknown, pointer: string, hole: boolean): RuleViolation[] {
  const positions = arrays(ring);
  if (!positions.every((position) => isPosition(position) && position.length >= 2)) return [];
  const { area, tolerance } = signedArea(positions as Position[]);
  const counterclockwise = area > 0;
  if (Math.abs(area) <= tolerance || counterclockwise !== hole) return [];
  const what = hole ? `the hole at ${pointer} is counterclockwise` : `the exterior ring at ${pointer} is clockwise`;
  const message = `${what} (RFC 7946 §3.1.6: a linear ring MUST follow the right-hand rule with respect to the area it bounds, i.e., exterior rings are counterclockwise, and holes are clockwise)`;
  return [{ requirement: 'GEOJSON-RING-WINDING', code: 'ring-winding', message, pointer }];
}

/** The rules of §3.1.6 for the rings of one Polygon: the first is its exterior, the others its holes. */
const polygonViolations = (rings: unknown, pointer: string): RuleViolation[] =>
  arrays(rings).flatMap((ring, index) => [...unclosedRing(ring, `${pointer}/${index}`), ...againstRightHandRule(ring, `${pointer}/${index}`, index > 0)]);

/** §3.1.1: one finding per geometry, at its first position of more than three elements. */
function extendedPositions(coordinates: unknown, pointer: string): RuleViolation[] {
  const found: string[] = [];
  const visit = (node: unknown, at: string): void => {
    if (isPosition(node)) {
      if (node.length > 3) found.push(at);
    } else arrays(node).forEach((item, index) => visit(item, `${at}/${index}`));
  };
  visit(coordinates, pointer);
  const [first] = found;
  if (first === undefined) return [];
  const message = `${found.length} position(s) have more than three elements, the first at ${first} (RFC 7946 §3.1.1: implementations SHOULD NOT extend positions beyond three elements)`;
  return [{ requirement: 'GEOJSON-POSITION-EXTENDED', code: 'position-extended', message, pointer: first }];
}

/** §3.1.8: a GeometryCollection among the geometries of another. */
function nestedCollection(pointer: string): RuleViolation {
  const message = `the GeometryCollection at ${pointer} is nested in another (RFC 7946 §3.1.8: implementations SHOULD avoid nested GeometryCollections)`;
  return { requirement: 'GEOJSON-NESTED-GEOMETRYCOLLECTION', code: 'geometrycollection-nested', message, pointer };
}

function geometryViolations(geometry: unknown, pointer: string, nested = false): RuleViolation[] {
  if (!isJsonObject(geometry)) return [];
  if (geometry.type === 'GeometryCollection') {
    const inner = arrays(geometry.geometries).flatMap((item, index) => geometryViolations(item, `${pointer}/geometries/${index}`, true));
    return [...(nested ? [nestedCollection(pointer)] : []), ...inner];
  }
  const coordinates = `${pointer}/coordinates`;
  const rings =
    geometry.type === 'Polygon'
      ? polygonViolations(geometry.coordinates, coordinates)
      : geometry.type === 'MultiPolygon'
        ? arrays(geometry.coordinates).flatMap((polygon, index) => polygonViolations(polygon, `${coordinates}/${index}`))
        : [];
  return [...extendedPositions(geometry.coordinates, coordinates), ...rings];
}

const featureViolations = (feature: unknown, pointer: string): RuleViolation[] => (isJsonObject(feature) ? geometryViolations(feature.geometry, `${pointer}/geometry`) : []);

/** What a Feature or a FeatureCollection breaks of the rules above, geometry by geometry. */
export function ruleViolations(value: unknown): RuleViolation[] {
  if (isJsonObject(value) && value.type === 'FeatureCollection') return arrays(value.features).flatMap((feature, index) => featureViolations(feature, `/features/${index}`));
  return featureViolations(value, '');
}
