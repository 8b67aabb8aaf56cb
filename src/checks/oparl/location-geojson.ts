/**
 * `oparl.location-geojson`: the `geojson` of a Location is a complete GeoJSON Feature (OParl
 * schema Location.geojson: "muss der Spezifikation von GeoJSON entsprechen, d.h. es muss ein
 * vollständiges Feature-Objekt ausgegeben werden"; RFC 7946 §3.2).
 */
import { childPointer } from '../../openapi/json-pointer.js';
import { objectFinding } from '../../oparl/findings.js';
import { featureProblem } from '../../oparl/geojson.js';
import { RULE } from '../../oparl/rules.js';
import type { Occurrence } from '../../oparl/occurrences.js';
import { perTypeKind, type Examination, type OParlOptions } from './shared.js';

/** Only a Location with `geojson` is a case of its rules. */
export function withGeojson(selected: readonly Occurrence[], { check }: Examination<OParlOptions>): readonly string[] {
  return selected.some((occurrence) => occurrence.object.geojson !== undefined) ? check.verifies : [];
}

export const locationGeojsonKind = perTypeKind({
  name: 'oparl.location-geojson',
  description: 'The geojson of a Location is a GeoJSON Feature',
  types: ['Location'],
  rules: withGeojson,
  examine(occurrence) {
    const { geojson } = occurrence.object;
    const problem = geojson === undefined ? undefined : featureProblem(geojson);
    if (!problem) return [];
    return [objectFinding(occurrence, RULE.LOCATION_GEOJSON, 'geojson-not-feature', `the geojson is no GeoJSON Feature (RFC 7946 §3.2): ${problem}`, { pointer: childPointer(occurrence.pointer, 'geojson') })];
  },
});
