/**
 * A component schema with `$ref`s of its own is compiled once however many schemas refer to
 * it: its validator is the function Ajv calls for each of those `$ref`s. It reports what a
 * schema compiled as a `$ref` into the document resource reports, errors and their schema
 * paths included; a component without `$ref`s is inlined into each schema that refers to it,
 * as before.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadOpenApiDocument, type OpenApiDocument } from '../../src/openapi/document.js';
import { addOpenApiFormats } from '../../src/openapi/formats.js';
import { DOCUMENT_ID } from '../../src/openapi/schemas.js';
import { uriFragment } from '../../src/core/json-pointer.js';
import { scratch } from './support.js';

const DOCUMENT = `openapi: 3.0.3
info: {title: shared components, version: '1'}
paths:
  /stations:
    get:
      responses:
        '200':
          description: a page of stations
          content:
            application/json:
              schema: {$ref: '#/components/schemas/StationPage'}
components:
  schemas:
    Contact:
      type: object
      required: [email]
      properties: {email: {type: string, format: email}}
    Coordinates:
      type: object
      required: [lat]
      properties: {lat: {type: number, minimum: -90, maximum: 90}}
    Address:
      type: object
      required: [city]
      properties: {city: {type: string, minLength: 1}, coordinates: {$ref: '#/components/schemas/Coordinates'}}
    Station:
      type: object
      required: [id, status]
      properties:
        id: {type: string, format: uuid}
        status: {type: string, enum: [active, inactive]}
        owner: {$ref: '#/components/schemas/Contact'}
        location: {$ref: '#/components/schemas/Address'}
    StationPage:
      type: object
      required: [items]
      properties: {items: {type: array, items: {$ref: '#/components/schemas/Station'}}}
`;

const INVALID_STATION = { id: 'no-uuid', status: 'lost', owner: { email: 'nobody' }, location: { city: '', coordinates: { lat: 91 } } };
const COMPONENTS = ['Contact', 'Coordinates', 'Address', 'Station', 'StationPage'];

let workspace: Awaited<ReturnType<typeof scratch>>;
let document: OpenApiDocument;
let compiledFunctions = 0;
beforeAll(async () => {
  workspace = await scratch();
  document = await loadOpenApiDocument(await workspace.write('shared.yaml', DOCUMENT));
  const original = globalThis.Function;
  // Ajv turns each schema it compiles as a function of its own into code for `new Function`.
  globalThis.Function = new Proxy(original, { construct: (target, args) => ((compiledFunctions += 1), Reflect.construct(target, args)) });
  try {
    document.schemas.compileAll();
  } finally {
    globalThis.Function = original;
  }
});
afterAll(() => workspace.remove());

/** The schema at `pointer` compiled as a `$ref` into the document resource, by an Ajv of its own set up as konform's. */
function compiledAsRef(pointer: string) {
  const ajv = new Ajv2020({ allErrors: true, strict: false, validateSchema: false });
  addOpenApiFormats(ajv);
  ajv.addSchema(document.schemas.resource, DOCUMENT_ID, undefined, false);
  return ajv.compile({ $ref: `${DOCUMENT_ID}#${uriFragment(pointer)}` });
}

describe('component schemas that other schemas refer to', () => {
  test.each([
    ['Station', INVALID_STATION],
    ['StationPage', { items: [INVALID_STATION, { id: '3f1c2b4a-1111-4222-8333-444455556666', status: 'active' }, 7] }],
    ['Address', INVALID_STATION.location],
    ['Contact', INVALID_STATION.owner],
    ['Coordinates', { lat: 'north' }],
  ])('%s reports what the schema compiled as a $ref into the resource reports', (name, value) => {
    const pointer = `/components/schemas/${name}`;
    const validate = document.schemas.validator(pointer);
    const reference = compiledAsRef(pointer);
    expect(validate(value)).toBe(false);
    expect(reference(value)).toBe(false);
    expect(validate.errors).toEqual(reference.errors);
  });

  test('each is compiled once: one function for each component, and one for the resource they lie in', () => {
    expect(COMPONENTS.map((name) => document.schemas.validator(`/components/schemas/${name}`)).every((validate) => typeof validate === 'function')).toBe(true);
    expect(compiledFunctions).toBe(COMPONENTS.length + 1);
  });
});
