/**
 * The base path of the API as its document declares it: the path of the first Server Object's
 * URL with its variables at their defaults (OpenAPI 3 Server Object, Server Variable Object),
 * or `basePath` (Swagger 2.0); without a trailing slash, empty when there is none.
 */
import { isJsonObject } from './refs.js';
import type { JsonObject } from './types.js';

export function serversPath(document: JsonObject): string {
  if (typeof document.basePath === 'string') return withoutTrailingSlash(document.basePath);
  const [server] = Array.isArray(document.servers) ? document.servers : [];
  if (!isJsonObject(server) || typeof server.url !== 'string') return '';
  const variables = isJsonObject(server.variables) ? server.variables : {};
  const url = server.url.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const variable = variables[name];
    return isJsonObject(variable) && typeof variable.default === 'string' ? variable.default : whole;
  });
  try {
    return withoutTrailingSlash(new URL(url, 'http://relative.invalid/').pathname);
  } catch {
    return '';
  }
}

function withoutTrailingSlash(path: string): string {
  return path.replace(/\/+$/, '');
}
