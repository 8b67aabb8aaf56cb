import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sha256 } from '../../src/core/sha256.js';
import { compiledDocument, summariseDocument } from '../../src/openapi/document-cache.js';
import { scratch, thingsDocument } from './support.js';

let workspace: Awaited<ReturnType<typeof scratch>>;
beforeAll(async () => {
  workspace = await scratch();
});
afterAll(() => workspace.remove());

/** The document titled `title`, its one response schema given inline. */
const documentText = (title: string, schema = '{type: string}') => thingsDocument(`                ${schema}`, { title, version: '7' });

describe('documents loaded and compiled once per process', () => {
  test('the same file, unchanged, is the same document with its schemas compiled', async () => {
    const file = await workspace.write('same.yaml', documentText('same'));
    const first = await compiledDocument(file);
    expect(await compiledDocument(file)).toBe(first);
    expect(first.schemas.validator(first.operations[0]?.responses[0]?.content[0]?.schemaPointer ?? '')('text')).toBe(true);
  });

  test('an edited file is loaded afresh', async () => {
    const file = await workspace.write('edited.yaml', documentText('before'));
    const before = await compiledDocument(file);
    await workspace.write('edited.yaml', documentText('after'));
    const after = await compiledDocument(file);
    expect(after).not.toBe(before);
    expect(after.title).toBe('after');
  });

  test('a document whose $refs read another file is loaded afresh every time', async () => {
    await workspace.write('parts/thing.yaml', 'Thing: {type: integer}\n');
    const file = await workspace.write('with-ref.yaml', documentText('with-ref', "{$ref: './parts/thing.yaml#/Thing'}"));
    const first = await compiledDocument(file);
    expect(first.externalFiles).toEqual([`${workspace.dir}/parts/thing.yaml`]);
    await workspace.write('parts/thing.yaml', 'Thing: {type: string}\n');
    const second = await compiledDocument(file);
    expect(second).not.toBe(first);
    const pointer = second.operations[0]?.responses[0]?.content[0]?.schemaPointer ?? '';
    expect(second.schemas.validator(pointer)('text')).toBe(true);
  });

  test('a broken document is not kept: it fails again', async () => {
    const file = await workspace.write('broken.yaml', documentText('broken', "{type: string, pattern: '[a-'}"));
    await expect(compiledDocument(file)).rejects.toMatchObject({ code: 'KONFORM_ERR_SPEC_INVALID' });
    await expect(compiledDocument(file)).rejects.toMatchObject({ code: 'KONFORM_ERR_SPEC_INVALID' });
  });
});

describe('the summary a report gives of the declared document', () => {
  test('comes from the loaded document, or from the file when none was loaded', async () => {
    const text = documentText('Described');
    const loaded = await workspace.write('described.yaml', text);
    await compiledDocument(loaded);
    const unloaded = await workspace.write('never-loaded.yaml', text);
    const expected = { sha256: sha256(text), title: 'Described', version: '7', openapi: '3.0.3' };
    expect(await summariseDocument(loaded)).toEqual(expected);
    expect(await summariseDocument(unloaded)).toEqual(expected);
  });

  test('leaves out what the file does not say', async () => {
    const file = await workspace.write('bare.yaml', 'paths: {}\n');
    expect(await summariseDocument(file)).toEqual({ sha256: sha256('paths: {}\n') });
  });
});
