/**
 * GeoJSON (RFC 7946) as OParl's Location.geojson must be: "ein vollständiges Feature-Objekt".
 * A Feature has the members "type": "Feature", "geometry" (a Geometry object or null) and
 * "properties" (an object or null) (§3.2); a Geometry has a "type" and "coordinates" of the
 * depth its type gives, a GeometryCollection "geometries" (§3.1); a position is an array of two
 * or three numbers, longitude first (§3.1.1).
 */
import { isJsonObject } from '../openapi/refs.js';

/** Depth of the coordinates of each geometry type: 0 is one position. */
const DEPTH: Readonly<Record<string, number>> = { Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 };

export type Position = [number, number, ...number[]];

function isPosition(value: unknown): value is Position {
  return Array.isArray(value) && value.length >= 2 && value.length <= 3 && value.every((n) => typeof n === 'number' && Number.isFinite(n));
}

function coordinatesValid(value: unknown, depth: number): boolean {
  if (depth === 0) return isPosition(value);
  return Array.isArray(value) && value.every((item) => coordinatesValid(item, depth - 1));
}

function geometryProblem(geometry: unknown): string | undefined {
  if (!isJsonObject(geometry)) return 'its geometry is neither an object nor null';
  if (geometry.type === 'GeometryCollection') {
    if (!Array.isArray(geometry.geometries)) return 'its GeometryCollection has no "geometries" array';
    return geometry.geometries.map(geometryProblem).find((problem) => problem !== undefined);
  }
  const depth = typeof geometry.type === 'string' ? DEPTH[geometry.type] : undefined;
  if (depth === undefined) return `${JSON.stringify(geometry.type)} is not a GeoJSON geometry type`;
  return coordinatesValid(geometry.coordinates, depth) ? undefined : `the coordinates of its ${geometry.type} are not positions of numbers`;
}

/** What keeps `value` from being a GeoJSON Feature, or undefined when it is one. */
export function featureProblem(value: unknown): string | undefined {
  if (!isJsonObject(value)) return 'it is not a JSON object';
  if (value.type !== 'Feature') return `its type is ${JSON.stringify(value.type)}, not "Feature"`;
  if (!('geometry' in value)) return 'it has no "geometry" member';
  if (!('properties' in value)) return 'it has no "properties" member';
  if (value.properties !== null && !isJsonObject(value.properties)) return 'its "properties" is neither an object nor null';
  return value.geometry === null ? undefined : geometryProblem(value.geometry);
}

/** Every position of a Feature's geometry, with its path below the Feature. */
export function positionsOf(feature: unknown): Array<{ position: Position; path: Array<string | number> }> {
  const found: Array<{ position: Position; path: Array<string | number> }> = [];
  const visit = (value: unknown, path: Array<string | number>): void => {
    if (isPosition(value)) found.push({ position: value, path });
    else if (Array.isArray(value)) value.forEach((item, index) => visit(item, [...path, index]));
  };
  const geometries = (geometry: unknown, path: Array<string | number>): void => {
    if (!isJsonObject(geometry)) return;
    if (Array.isArray(geometry.geometries)) geometry.geometries.forEach((item, index) => geometries(item, [...path, 'geometries', index]));
    else visit(geometry.coordinates, [...path, 'coordinates']);
  };
  if (isJsonObject(feature)) geometries(feature.geometry, ['geometry']);
  return found;
}
