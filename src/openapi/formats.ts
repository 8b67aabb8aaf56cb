/**
 * Formats of OpenAPI (3.0.3 and Swagger 2.0, Data Types) that JSON Schema does not
 * define. `int32`/`int64` are checked (signed 32- and 64-bit integers); `byte` is base64 (RFC 4648
 * §4); `float`, `double`, `binary` and `password` constrain nothing a parsed JSON value can show.
 * `datetime` is a frequent misspelling of `date-time` in real documents: accepted, not checked.
 */
import type { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const INT32 = 2 ** 31;
const INT64 = 2n ** 63n;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

const ANYTHING = (): boolean => true;

export function addOpenApiFormats(ajv: Ajv2020): void {
  addFormats(ajv);
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -INT32 && n < INT32 });
  ajv.addFormat('int64', {
    type: 'number',
    validate: (n: number) => Number.isInteger(n) && BigInt(n) >= -INT64 && BigInt(n) < INT64,
  });
  ajv.addFormat('float', { type: 'number', validate: ANYTHING });
  ajv.addFormat('double', { type: 'number', validate: ANYTHING });
  ajv.addFormat('byte', BASE64);
  for (const name of ['binary', 'password', 'datetime']) ajv.addFormat(name, ANYTHING);
}
