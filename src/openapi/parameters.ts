/**
 * Parameter Objects of OpenAPI 3 and Swagger 2.0 in one shape,
 * with the serialisation style each implies.
 */
import { childPointer } from '../core/json-pointer.js';
import { isJsonObject, resolveLocal, type Located } from './refs.js';
import type { DeclaredValue, JsonObject, OpenApiVersion, ParameterLocation, ParameterSpec, ParameterStyle } from './types.js';

const LOCATIONS: readonly ParameterLocation[] = ['path', 'query', 'header', 'cookie', 'body', 'formData'];

export function normaliseParameter(
  document: JsonObject,
  located: Located<JsonObject>,
  version: OpenApiVersion,
): ParameterSpec | undefined {
  const { value: parameter, pointer } = located;
  const location = LOCATIONS.find((candidate) => candidate === parameter.in);
  if (typeof parameter.name !== 'string' || location === undefined) return undefined;
  const base = { name: parameter.name, in: location, pointer, required: parameter.required === true || location === 'path' };
  return version === '2.0' ? swagger2Parameter(parameter, base) : openApi3Parameter(document, parameter, base);
}

type ParameterBase = Pick<ParameterSpec, 'name' | 'in' | 'pointer' | 'required'>;

/** OpenAPI 3 Parameter Object, Style Values: `form` for query and cookie, `simple` for path and header; `form` explodes by default. */
function openApi3Parameter(document: JsonObject, parameter: JsonObject, base: ParameterBase): ParameterSpec {
  const defaultStyle: ParameterStyle = base.in === 'query' || base.in === 'cookie' ? 'form' : 'simple';
  const style = (typeof parameter.style === 'string' ? parameter.style : defaultStyle) as ParameterStyle;
  const explode = typeof parameter.explode === 'boolean' ? parameter.explode : style === 'form';
  let holder: Located<JsonObject> = { value: parameter, pointer: base.pointer };
  if (!isJsonObject(parameter.schema) && isJsonObject(parameter.content)) {
    const [mediaType, media] = Object.entries(parameter.content)[0] ?? [];
    if (mediaType !== undefined && isJsonObject(media)) holder = { value: media, pointer: childPointer(base.pointer, 'content', mediaType) };
  }
  const { schema } = holder.value;
  const examples: DeclaredValue[] = [];
  addDeclaredExamples(examples, document, { value: parameter, pointer: base.pointer });
  if (holder.value !== parameter) addDeclaredExamples(examples, document, holder);
  return {
    name: base.name,
    in: base.in,
    pointer: base.pointer,
    required: base.required,
    schema: isJsonObject(schema) ? schema : undefined,
    schemaPointer: isJsonObject(schema) || typeof schema === 'boolean' ? childPointer(holder.pointer, 'schema') : undefined,
    style,
    explode,
    examples,
  };
}

/** Adds `example`, then the values of `examples` in document order (OpenAPI 3 Parameter Object, Example Object). */
function addDeclaredExamples(values: DeclaredValue[], document: JsonObject, { value: holder, pointer }: Located<JsonObject>): void {
  if (Object.hasOwn(holder, 'example')) values.push({ value: holder.example, pointer: childPointer(pointer, 'example') });
  if (isJsonObject(holder.examples)) {
    for (const [name, example] of Object.entries(holder.examples)) {
      const resolved = resolveLocal(document, { value: example, pointer: childPointer(pointer, 'examples', name) });
      if (isJsonObject(resolved.value) && Object.hasOwn(resolved.value, 'value')) {
        values.push({ value: resolved.value.value, pointer: childPointer(resolved.pointer, 'value') });
      }
    }
  }
}

/** Swagger 2.0: `collectionFormat` (default csv) says how array values are joined. */
function swagger2Parameter(parameter: JsonObject, base: ParameterBase): ParameterSpec {
  const isBody = base.in === 'body';
  const format = typeof parameter.collectionFormat === 'string' ? parameter.collectionFormat : 'csv';
  const styles: Record<string, ParameterStyle> = { ssv: 'spaceDelimited', tsv: 'tabDelimited', pipes: 'pipeDelimited' };
  const style = styles[format] ?? (base.in === 'query' || base.in === 'formData' ? 'form' : 'simple');
  return {
    ...base,
    schema: isBody ? (isJsonObject(parameter.schema) ? parameter.schema : undefined) : parameter,
    schemaPointer: isBody ? childPointer(base.pointer, 'schema') : undefined,
    style,
    explode: format === 'multi',
    // `x-example` is the customary extension for parameter examples in Swagger 2.0.
    examples: Object.hasOwn(parameter, 'x-example') ? [{ value: parameter['x-example'], pointer: childPointer(base.pointer, 'x-example') }] : [],
  };
}
