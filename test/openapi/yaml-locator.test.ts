/**
 * One locator places a JSON pointer in a YAML or JSON file, for suites and standards as for
 * declared documents: a mapping member at its key (a quoted, number-like key too), an array
 * item at the item, a pointer through a local `$ref` at the ref's target, and a pointer to
 * nothing at its nearest existing ancestor, with the tokens not found kept.
 */
import { describe, expect, it } from 'vitest';
import { parseYamlText } from '../../src/core/yaml-source.js';
import { ERROR_CODES } from '../../src/model/errors.js';
import { thingsDocument } from './support.js';

const TEXT = `${thingsDocument("                $ref: '#/components/schemas/Thing'")}components:
  schemas:
    Thing:
      type: object
      required: [id, name]
      properties:
        id: {type: integer}
`;

const OPERATION = '/paths/~1things/get';
const { locate } = parseYamlText('things.yaml', TEXT, ERROR_CODES.SPEC_INVALID);

describe('the YAML locator', () => {
  it('places a member under a number-like key at its key', () => {
    expect(locate(`${OPERATION}/responses/200/description`)).toEqual({ file: 'things.yaml', pointer: `${OPERATION}/responses/200/description`, line: 8, column: 11 });
  });

  it('places a member whose value is a block at its key, not at the block', () => {
    expect(locate(`${OPERATION}/responses`)).toMatchObject({ line: 6, column: 7 });
  });

  it('places an array item at the item', () => {
    expect(locate('/components/schemas/Thing/required/1')).toMatchObject({ line: 17, column: 22 });
  });

  it('follows a local $ref to the place the pointer is written', () => {
    expect(locate(`${OPERATION}/responses/200/content/application~1json/schema/properties/id`)).toEqual({
      file: 'things.yaml',
      pointer: '/components/schemas/Thing/properties/id',
      line: 19,
      column: 9,
    });
  });

  it('places a pointer to nothing at its nearest existing ancestor', () => {
    expect(locate('/components/schemas/Thing/example/name')).toEqual({ file: 'things.yaml', pointer: '/components/schemas/Thing/example/name', line: 15, column: 5 });
  });
});
