/** The relations konform reads from OParl's custom schema keywords, for both versions. */
import { describe, expect, it } from 'vitest';
import { typeOfUri } from '../../src/oparl/model.js';
import { modelOf } from './schemas.js';

describe('OParl model', () => {
  it('reads references, external lists, internal objects and back-references of OParl 1.1', () => {
    const { types, namespace } = modelOf('1.1');
    expect(namespace).toBe('https://schema.oparl.org/1.1/');
    const relations = (type: string) => types.get(type)?.relations;
    expect(relations('Body')?.get('paper')).toEqual({ kind: 'list', type: 'Paper', many: false });
    expect(relations('Body')?.get('location')).toEqual({ kind: 'embedded', type: 'Location', many: false });
    expect(relations('Paper')?.get('auxiliaryFile')).toEqual({ kind: 'embedded', type: 'File', many: true });
    expect(relations('Meeting')?.get('organization')).toEqual({ kind: 'reference', type: 'Organization', many: true, backreference: 'meeting' });
    expect(relations('Location')?.get('persons')).toEqual({ kind: 'reference', type: 'Person', many: true });
    expect(relations('Body')?.get('website')).toBeUndefined();
    expect(types.get('AgendaItem')?.required).toEqual(['id', 'type', 'order']);
  });

  it('reads OParl 1.0: its inline types, its external lists from external-lists.yaml, and no reference where no URL is', () => {
    const model = modelOf('1.0');
    expect(model.types.get('Membership')?.relations.get('organization')).toEqual({ kind: 'reference', type: 'Organization', many: false });
    expect(model.types.get('Person')?.relations.get('membership')).toEqual({ kind: 'embedded', type: 'Membership', many: true });
    expect(model.types.get('Organization')?.relations.get('meeting')).toEqual({ kind: 'list', type: 'Meeting', many: false });
    // Organization.post is marked `oparl:ref: Person`, but holds names of posts, not URLs.
    expect(model.types.get('Organization')?.relations.get('post')).toBeUndefined();
    expect(typeOfUri(model, 'https://schema.oparl.org/1.0/Paper')?.name).toBe('Paper');
    expect(typeOfUri(model, 'https://schema.oparl.org/1.1/Paper')).toBeUndefined();
  });
});
