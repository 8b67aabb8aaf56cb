/** An API of items by id, whose document gives no value for the id, and a server that knows item 7 only. */
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

export const KNOWN_ITEM = '7';

/** 200 to GET of item 7, 404 to any other item, 405 to other methods. */
export function itemServer() {
  return startServer((request, response) => {
    if (request.method !== 'GET') return void response.writeHead(405, { allow: 'GET' }).end();
    if (request.url === `/items/${KNOWN_ITEM}`) return void response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
  });
}
