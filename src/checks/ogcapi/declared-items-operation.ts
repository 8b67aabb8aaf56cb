/**
 * The items operation of a collection as the served API definition declares it
 * (src/ogcapi/items-operation.ts), or why konform cannot read the definition.
 */
import { itemsOperation } from '../../ogcapi/items-operation.js';
import type { OpenApiDocument } from '../../openapi/document.js';
import type { Operation } from '../../openapi/types.js';
import type { CheckContext } from '../types.js';
import type { Fetched } from './fetch.js';
import { servedDefinition } from './served-definition.js';

export type DeclaredItems =
  | { found: true; document: OpenApiDocument; operation: Operation | undefined }
  | { found: false; reason: string; fetched: Fetched };

export async function declaredItemsOperation(context: CheckContext, collectionId: string): Promise<DeclaredItems> {
  const served = await servedDefinition(context);
  if (!served.found) return { found: false, reason: served.reason, fetched: served.fetched };
  if (!served.definition.loaded) return { found: false, reason: served.definition.problem, fetched: served.fetched };
  const { document } = served.definition;
  return { found: true, document, operation: itemsOperation(document, collectionId) };
}
