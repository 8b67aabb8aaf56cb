/** OParl's schema dialect, converted for Ajv: both versions' official schemas compile and judge objects. */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { addOParlFormats } from '../../src/oparl/formats.js';
import { convertOParlSchemas, schemaId } from '../../src/oparl/schema-dialect.js';
import { schemaFiles } from './schemas.js';

function compiled(version: '1.0' | '1.1') {
  const schemas = convertOParlSchemas(version, schemaFiles(version));
  const ajv = new Ajv2020({ allErrors: true, strict: false, unicodeRegExp: false });
  addOParlFormats(ajv);
  for (const schema of schemas.values()) ajv.addSchema(schema);
  return { schemas, validate: (type: string, value: unknown) => ajv.getSchema(schemaId(version, type))?.(value) };
}

describe('OParl schema dialect', () => {
  it('turns embedding keywords into $refs, OParl formats into konform formats, and drops custom keywords', () => {
    const { schemas } = compiled('1.1');
    const body = schemas.get('Body') as { properties: Record<string, Record<string, unknown>> };
    expect(body.properties.location).toEqual({ type: 'object', $ref: schemaId('1.1', 'Location') });
    expect(body.properties.legislativeTerm?.items).toEqual({ type: 'object', $ref: schemaId('1.1', 'LegislativeTerm') });
    expect(body.properties.system).toEqual({ type: 'string', format: 'oparl-url' });
    expect(JSON.stringify([...schemas.values()])).not.toMatch(/"(references|backreference|cardinality)"|\{\{/);
  });

  it('gives the types OParl 1.0 declares inline a schema of their own, and keeps a property named "title"', () => {
    const { schemas } = compiled('1.0');
    expect([...schemas.keys()].sort()).toEqual(['AgendaItem', 'Body', 'Consultation', 'File', 'LegislativeTerm', 'Location', 'Meeting', 'Membership', 'Organization', 'Paper', 'Person', 'System']);
    const person = schemas.get('Person') as { properties: Record<string, unknown> };
    expect(person.properties.title).toEqual({ items: { type: 'string' }, type: 'array' });
    expect(person.properties.membership).toEqual({ type: 'array', items: { $ref: schemaId('1.0', 'Membership') } });
  });

  it('validates objects, embedded ones through their own schema', () => {
    const { validate } = compiled('1.1');
    const location = { id: 'https://oparl.example.org/location/1', type: 'https://schema.oparl.org/1.1/Location', created: '2024-01-31T10:00:00+01:00' };
    const meeting = { id: 'https://oparl.example.org/meeting/1', type: 'https://schema.oparl.org/1.1/Meeting', location };
    expect(validate('Meeting', meeting)).toBe(true);
    expect(validate('Meeting', { ...meeting, location: { ...location, created: '2024-01-31T10:00:00Z' } })).toBe(false);
    expect(validate('Meeting', { ...meeting, location: { ...location, id: 'location/1' } })).toBe(false);
    expect(validate('File', { id: 'https://oparl.example.org/file/1', type: 'https://schema.oparl.org/1.1/File' })).toBe(false);
  });
});
