/**
 * The rules of RFC 7946 the official GeoJSON JSON Schema cannot express: the first and last
 * positions of a linear ring MUST contain identical values (§3.1.6), positions SHOULD NOT have
 * more than three elements (§3.1.1), and GeometryCollections SHOULD NOT be nested (§3.1.8; the
 * schema refuses them, validate.ts keeps that from counting as a MUST). What the schema does
 * express (a position has two or more numbers, a ring four or more positions, a LineString two
 * or more) is left to it.
 */
import { isJsonObject } from '../openapi/refs.js';

export interface RuleViolation {
  /** ID of the rule in standards/geojson/rfc7946/requirements.yaml. */
  requirement: string;
  code: string;
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
      ? arrays(geometry.coordinates).flatMap((ring, index) => unclosedRing(ring, `${coordinates}/${index}`))
      : geometry.type === 'MultiPolygon'
        ? arrays(geometry.coordinates).flatMap((polygon, p) => arrays(polygon).flatMap((ring, index) => unclosedRing(ring, `${coordinates}/${p}/${index}`)))
        : [];
  return [...extendedPositions(geometry.coordinates, coordinates), ...rings];
}

const featureViolations = (feature: unknown, pointer: string): RuleViolation[] => (isJsonObject(feature) ? geometryViolations(feature.geometry, `${pointer}/geometry`) : []);

/** What a Feature or a FeatureCollection breaks of the rules above, geometry by geometry. */
export function ruleViolations(value: unknown): RuleViolation[] {
  if (isJsonObject(value) && value.type === 'FeatureCollection') return arrays(value.features).flatMap((feature, index) => featureViolations(feature, `/features/${index}`));
  return featureViolations(value, '');
}
