/**
 * `oparl.location-geojson`: the `geojson` of a Location is a complete GeoJSON Feature (OParl
 * schema Location.geojson: "muss der Spezifikation von GeoJSON entsprechen, d.h. es muss ein
 * vollständiges Feature-Objekt ausgegeben werden"; RFC 7946 §3.2), judged by the official GeoJSON
 * schema and the rules of RFC 7946 it cannot express (src/geojson/).
 */
import type { Finding } from '../../model/types.js';
import { GEOJSON_STANDARD, geojsonFindings, type GeoJsonFinding } from '../../geojson/validate.js';
import { childPointer } from '../../core/json-pointer.js';
import { objectFinding } from '../../oparl/findings.js';
import { RULE } from '../../oparl/rules.js';
import type { Occurrence } from '../../oparl/occurrences.js';
import { perTypeKind, type Examination, type OParlOptions } from './shared.js';

/**
 * A MUST of RFC 7946 broken decides OPARL-LOCATION-GEOJSON; a SHOULD broken is a warning of its
 * own RFC rule, which leaves the OParl requirement to the MUSTs.
 */
function geojsonFinding(occurrence: Occurrence, { requirement, severity, code, message, pointer, clause }: GeoJsonFinding): Finding {
  const described = code === 'schema-violation' ? `the geojson is no GeoJSON Feature: ${message}` : `the geojson: ${message}`;
  const details = { pointer: childPointer(occurrence.pointer, 'geojson') + pointer, severity, params: { requirement, clause } };
  const finding = objectFinding(occurrence, severity === 'error' ? RULE.LOCATION_GEOJSON : undefined, code === 'schema-violation' ? 'geojson-not-feature' : code, described, details);
  return severity === 'error' ? finding : { ...finding, rule: requirement };
}

/** Only a Location with `geojson` is a case of its rules. */
export function withGeojson(selected: readonly Occurrence[], { check }: Examination<OParlOptions>): readonly string[] {
  return selected.some((occurrence) => occurrence.object.geojson !== undefined) ? check.verifies : [];
}

export const locationGeojsonKind = perTypeKind({
  name: 'oparl.location-geojson',
  description: 'The geojson of a Location is a GeoJSON Feature',
  decides: [RULE.LOCATION_GEOJSON],
  types: ['Location'],
  standards: [GEOJSON_STANDARD],
  rules: withGeojson,
  async examine(occurrence) {
    const { geojson } = occurrence.object;
    if (geojson === undefined) return [];
    return (await geojsonFindings('Feature', geojson)).map((found) => geojsonFinding(occurrence, found));
  },
});
