/**
 * An API of items by id, whose document gives no value for the id and names no servers, the
 * same with a list of the items, and a server that lists no items and knows item 7 only.
 */
import { startServer } from './support.js';

export const ITEM_DOCUMENT = `openapi: 3.0.3
info: {title: Items, version: '1'}
paths:
  /items/{item}:
    get:
      operationId: item
      parameters:
        - {name: item, in: path, required: true, schema: {type: integer, minimum: 1}}
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: object}}}}
`;

/** ITEM_DOCUMENT with GET /items, which needs no path value. */
export const ITEM_LIST_DOCUMENT = `${ITEM_DOCUMENT}  /items:
    get:
      operationId: items
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: array}}}}
`;

export const KNOWN_ITEM = '7';

/** 200 to GET of the (empty) list and of item 7, 404 to any other item, 405 to other methods. */
export function itemServer() {
  return startServer((request, response) => {
    if (request.method !== 'GET') return void response.writeHead(405, { allow: 'GET' }).end();
    if (request.url === '/items') return void response.writeHead(200, { 'content-type': 'application/json' }).end('[]');
    if (request.url === `/items/${KNOWN_ITEM}`) return void response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
  });
}
