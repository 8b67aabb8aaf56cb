/**
 * `oparl.coordinate-order`: a heuristic for GeoJSON positions given as [latitude, longitude]
 * instead of [longitude, latitude] (RFC 7946 §3.1.1), a frequent defect of OParl servers. A
 * position outside the `area` the server's locations lie in (default: Germany) whose swapped
 * pair lies inside it fails the check, of severity warning in the suites: a heuristic cannot
 * decide the requirement, which such a failure leaves cantTell, never failed
 * (judge/requirement-results.ts).
 */
import { childPointer } from '../../core/json-pointer.js';
import { objectFinding } from '../../oparl/findings.js';
import { positionsOf } from '../../oparl/geojson.js';
import { RULE } from '../../oparl/rules.js';
import { withGeojson } from './location-geojson.js';
import { perTypeKind, type OParlOptions } from './shared.js';

export type CoordinateOrderOptions = OParlOptions & { area?: { longitude: [number, number]; latitude: [number, number] } };

/** Germany's extent, rounded outwards (about 5.87°–15.04° E, 47.27°–55.06° N). */
const GERMANY = { longitude: [5.8, 15.1], latitude: [47.2, 55.1] } as const;

const range = { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 };

export const coordinateOrderKind = perTypeKind<CoordinateOrderOptions>({
  name: 'oparl.coordinate-order',
  description: 'GeoJSON positions are [longitude, latitude] (heuristic: swapped pairs that fall into the expected area)',
  decides: [RULE.LOCATION_GEOJSON],
  properties: { area: { type: 'object', additionalProperties: false, required: ['longitude', 'latitude'], properties: { longitude: range, latitude: range } } },
  types: ['Location'],
  rules: withGeojson,
  examine(occurrence, { options }) {
    const { longitude, latitude } = options.area ?? GERMANY;
    const inside = (lon: number, lat: number) => lon >= longitude[0] && lon <= longitude[1] && lat >= latitude[0] && lat <= latitude[1];
    const swapped = positionsOf(occurrence.object.geojson).find(({ position: [x, y] }) => !inside(x, y) && inside(y, x));
    if (!swapped) return [];
    const [x, y] = swapped.position;
    const pointer = childPointer(childPointer(occurrence.pointer, 'geojson'), ...swapped.path);
    const message =
      `the position [${x}, ${y}] lies outside the expected area as [longitude, latitude], but inside it as [latitude, longitude]: ` +
      `the coordinates are probably swapped (RFC 7946 §3.1.1: longitude first)`;
    return [objectFinding(occurrence, RULE.LOCATION_GEOJSON, 'coordinates-swapped', message, { pointer, params: { position: swapped.position } })];
  },
});
