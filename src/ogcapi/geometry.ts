/**
 * GeoJSON geometries (RFC 7946 §3.1) as the spatial checks need them: their positions, their
 * bounding box, and boxes given as [west, south, east, north], where west > east means the box
 * crosses the antimeridian (RFC 7946 §5.2, OGC 17-069r4 bbox parameter).
 */
import { isJsonObject } from '../openapi/refs.js';

export type Box = [number, number, number, number];
export type Position = number[];

/** Every position of a geometry, GeometryCollections included; none for a null or malformed geometry. */
export function positions(geometry: unknown): Position[] {
  if (!isJsonObject(geometry)) return [];
  if (geometry.type === 'GeometryCollection') {
    return Array.isArray(geometry.geometries) ? geometry.geometries.flatMap(positions) : [];
  }
  const found: Position[] = [];
  const walk = (node: unknown): void => {
    if (!Array.isArray(node)) return;
    if (node.length >= 2 && node.every((value) => typeof value === 'number')) found.push(node as number[]);
    else node.forEach(walk);
  };
  walk(geometry.coordinates);
  return found;
}

export function boxOf(points: readonly Position[]): Box | undefined {
  if (points.length === 0) return undefined;
  const xs = points.map((point) => point[0] as number);
  const ys = points.map((point) => point[1] as number);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** A 4- or 6-number bbox as a 2D box (the third and sixth numbers are heights). */
export function toBox(values: unknown): Box | undefined {
  if (!Array.isArray(values) || !values.every((value) => typeof value === 'number')) return undefined;
  if (values.length === 4) return values as Box;
  if (values.length === 6) return [values[0], values[1], values[3], values[4]] as Box;
  return undefined;
}

/** A box crossing the antimeridian as the two boxes either side of it. */
function parts([west, south, east, north]: Box): Box[] {
  return west <= east
    ? [[west, south, east, north]]
    : [
        [west, south, 180, north],
        [-180, south, east, north],
      ];
}

export function intersects(a: Box, b: Box): boolean {
  return parts(a).some((p) => parts(b).some((q) => p[0] <= q[2] && q[0] <= p[2] && p[1] <= q[3] && q[1] <= p[3]));
}

export function contains(outer: Box, inner: Box): boolean {
  return parts(inner).every((q) => parts(outer).some((p) => p[0] <= q[0] && q[2] <= p[2] && p[1] <= q[1] && q[3] <= p[3]));
}

/** WGS 84 longitude/latitude (CRS84, OGC 17-069r4 /req/core/crs84): longitude in [-180, 180], latitude in [-90, 90]. */
export function insideCrs84(position: Position): boolean {
  const [longitude = NaN, latitude = NaN] = position;
  return longitude >= -180 && longitude <= 180 && latitude >= -90 && latitude <= 90;
}
