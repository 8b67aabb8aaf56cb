/**
 * The positions of OParl's Location.geojson, a GeoJSON Feature (RFC 7946 §3.2), for the checks
 * that look at coordinates: a position is an array of two or more numbers, longitude first
 * (§3.1.1). Whether the Feature is valid GeoJSON is judged in src/geojson/.
 */
import { isJsonObject } from '../openapi/refs.js';

export type Position = [number, number, ...number[]];

function isPosition(value: unknown): value is Position {
  return Array.isArray(value) && value.length >= 2 && value.every((n) => typeof n === 'number' && Number.isFinite(n));
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
