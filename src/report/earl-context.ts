/**
 * The JSON-LD context of report.earl.jsonld, inline so that a reader needs no network: the
 * vocabularies EARL 1.0 builds on (W3C Note 2017-02-02, https://www.w3.org/TR/EARL10-Schema/),
 * Dublin Core terms for titles, identifiers, versions and parts, and the SPDX terms for
 * sha256 digests. Terms are written as compact IRIs (`earl:outcome`); the ones whose values
 * are nodes are declared so, and dates are typed xsd:dateTime.
 */
import type { Outcome } from '../model/outcome.js';

const NODE = { '@type': '@id' } as const;

export const EARL_CONTEXT = {
  earl: 'http://www.w3.org/ns/earl#',
  dct: 'http://purl.org/dc/terms/',
  spdx: 'http://spdx.org/rdf/terms#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  'earl:assertedBy': NODE,
  'earl:subject': NODE,
  'earl:test': NODE,
  'earl:mode': NODE,
  'earl:outcome': NODE,
  'dct:isPartOf': NODE,
  'dct:hasPart': NODE,
  'dct:references': NODE,
  'dct:source': NODE,
  'spdx:algorithm': NODE,
  'dct:date': { '@type': 'xsd:dateTime' },
} as const;

/** EARL's outcome values (EARL 1.0 §2.7, earl:OutcomeValue) are konform's outcomes by name. */
export function earlOutcome(outcome: Outcome): string {
  return `earl:${outcome}`;
}

/** A sha256 digest as SPDX writes one (spdx:Checksum). */
export function sha256Checksum(hex: string): Record<string, string> {
  return { '@type': 'spdx:Checksum', 'spdx:algorithm': 'spdx:checksumAlgorithm_sha256', 'spdx:checksumValue': hex };
}
