/**
 * Serialises parameter values per OpenAPI 3 Parameter Object, Style Values (style and explode, after RFC 6570) and
 * Swagger 2.0 `collectionFormat`. Path and query values are percent-encoded (RFC 3986 §2.1);
 * delimiters stay literal. Empty arrays and objects are undefined in RFC 6570 §2.3: left out.
 */
import { isJsonObject } from './refs.js';
import type { ParameterSpec } from './types.js';

const DELIMITERS: Partial<Record<ParameterSpec['style'], string>> = {
  spaceDelimited: '%20',
  pipeDelimited: '|',
  tabDelimited: '%09',
};

type Encode = (text: string) => string;

/** The text that replaces `{name}` in the path template. */
export function serialisePath(parameter: ParameterSpec, value: unknown): string {
  const { name, style, explode } = parameter;
  const enc = encodeURIComponent;
  const items = listOf(value, explode, enc);
  if (style === 'label') return '.' + items.join(explode ? '.' : ',');
  if (style !== 'matrix') return items.join(',');
  if (isJsonObject(value)) return explode ? items.map((item) => ';' + item).join('') : `;${enc(name)}=${items.join(',')}`;
  if (Array.isArray(value) && explode) return items.map((item) => `;${enc(name)}=${item}`).join('');
  return `;${enc(name)}=${items.join(',')}`;
}

/** The `name=value` pieces of the query string (unjoined). */
export function serialiseQuery(parameter: ParameterSpec, value: unknown): string[] {
  const { style, explode } = parameter;
  const enc = encodeURIComponent;
  const name = enc(parameter.name);
  if (isEmpty(value)) return [];
  if (style === 'deepObject' && isJsonObject(value)) {
    return Object.entries(value).map(([key, item]) => `${name}%5B${enc(key)}%5D=${enc(text(item))}`);
  }
  if (isJsonObject(value) && explode) return listOf(value, true, enc);
  if (Array.isArray(value) && explode) return value.map((item) => `${name}=${enc(text(item))}`);
  const delimiter = DELIMITERS[style] ?? ',';
  return [`${name}=${listOf(value, false, enc).join(delimiter)}`];
}

/** A header value: `simple` style, not percent-encoded; line breaks are removed (RFC 9110 §5.5). */
export function serialiseHeader(parameter: ParameterSpec, value: unknown): string {
  return listOf(value, parameter.explode, (item) => item).join(',').replace(/[\r\n]/g, '');
}

/** A `name=value` pair of the Cookie header (RFC 6265 §4.2.1). */
export function serialiseCookie(parameter: ParameterSpec, value: unknown): string {
  return `${parameter.name}=${listOf(value, false, encodeURIComponent).join(',')}`;
}

/** Array items, or object members as `k,v` (or `k=v` exploded), each encoded. */
function listOf(value: unknown, explode: boolean, enc: Encode): string[] {
  if (Array.isArray(value)) return value.map((item) => enc(text(item)));
  if (isJsonObject(value)) {
    return Object.entries(value).flatMap(([key, item]) =>
      explode ? [`${enc(key)}=${enc(text(item))}`] : [enc(key), enc(text(item))],
    );
  }
  return [enc(text(value))];
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function isEmpty(value: unknown): boolean {
  if (value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  return isJsonObject(value) && Object.keys(value).length === 0;
}
