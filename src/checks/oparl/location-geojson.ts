/**
 * `oparl.location-geojson`: the `geojson` of a Location is a complete GeoJSON Feature (OParl
 * schema Location.geojson: "muss der Spezifikation von GeoJSON entsprechen, d.h. es muss ein
 * vollständiges Feature-Objekt ausgegeben werden"; RFC 7946 §3.2).
 */
import { childPointer } from '../../openapi/json-pointer.js';
import { objectFinding } from '../../oparl/findings.js';
import { featureProblem } from '../../oparl/geojson.js';
import { RULE } from '../../oparl/rules.js';
import { perTypeKind } from './shared.js';

export const locationGeojsonKind = perTypeKind({
  name: 'oparl.location-geojson',
  description: 'The geojson of a Location is a GeoJSON Feature',
  types: ['Location'],
  examine(occurrence) {
    const { geojson } = occurrence.object;
    const problem = geojson === undefined ? undefined : featureProblem(geojson);
    if (!problem) return [];
    return [objectFinding(occurrence, RULE.LOCATION_GEOJSON, 'geojson-not-feature', `the geojson is no GeoJSON Feature (RFC 7946 §3.2): ${problem}`, { pointer: childPointer(occurrence.pointer, 'geojson') })];
  },
});
