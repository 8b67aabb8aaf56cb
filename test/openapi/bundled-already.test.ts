/**
 * A document is not bundled where bundling would leave it as it is (bundled-already.ts): held
 * against swagger-parser's own bundler, which rewrites `$ref`s to a `$ref`, through one, or
 * percent-encoded.
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, it } from 'vitest';
import { bundledAlready } from '../../src/openapi/bundled-already.js';
import type { JsonObject } from '../../src/openapi/types.js';

function document(schemas: JsonObject, ref: string): JsonObject {
  const answer = { description: 'x', content: { 'application/json': { schema: { $ref: ref } } } };
  return { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: { '/a': { get: { responses: { '200': answer } } } }, components: { schemas } };
}

async function bundled(written: JsonObject): Promise<unknown> {
  return new SwaggerParser().bundle('/nowhere/openapi.json', structuredClone(written) as never, { resolve: { http: false } });
}

const AS_WRITTEN: Record<string, JsonObject> = {
  'a direct $ref': document({ A: { type: 'object' } }, '#/components/schemas/A'),
  'a $ref to its own schema': document({ A: { type: 'object', properties: { next: { $ref: '#/components/schemas/A' } } } }, '#/components/schemas/A'),
  'an escaped name': document({ 'a/b': { type: 'object' } }, '#/components/schemas/a~1b'),
  'a name with spaces, quotes and umlauts': document({ 'Ä "x"': { type: 'object' } }, '#/components/schemas/Ä "x"'),
};

const REWRITTEN: Record<string, JsonObject> = {
  'a $ref to a $ref': document({ A: { $ref: '#/components/schemas/B' }, B: { type: 'string' } }, '#/components/schemas/A'),
  'a $ref through a $ref': document({ A: { $ref: '#/components/schemas/B' }, B: { type: 'object', properties: { x: { type: 'string' } } } }, '#/components/schemas/A/properties/x'),
  'a percent-encoded $ref': document({ 'A B': { type: 'object' } }, '#/components/schemas/A%20B'),
  'a $ref to another file': document({}, 'other.yaml#/components/schemas/A'),
};

describe('bundledAlready', () => {
  it.each(Object.entries(AS_WRITTEN))('holds for %s, which the bundler leaves as it is', async (_, written) => {
    expect(bundledAlready(written)).toBe(true);
    expect(await bundled(written)).toEqual(written);
  });

  it.each(Object.entries(REWRITTEN))('does not hold for %s', (_, written) => {
    expect(bundledAlready(written)).toBe(false);
  });

  it('does not hold where the bundler rewrites a $ref', async () => {
    for (const written of Object.values(REWRITTEN).slice(0, 3)) expect(await bundled(written)).not.toEqual(written);
  });
});
