/**
 * The conformance classes of OGC API - Features - Part 1: Core 1.0 (OGC 17-069r4, Annex A): a
 * server lists the URIs of the classes it conforms to at /conformance (/req/core/conformance-success),
 * and those it lists decide which of konform's class-bound checks apply.
 */
const BASE = 'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/';

export const CLASS_NAMES = ['core', 'geojson', 'oas30', 'html'] as const;
export type ClassName = (typeof CLASS_NAMES)[number];

export function classUri(name: ClassName): string {
  return BASE + name;
}
