/**
 * A tiny API and the document it declares, for the tests of the check kinds: each operation
 * answers in one particular way, right or wrong. The server counts the requests it receives.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export const KINDS_DOCUMENT = `openapi: 3.0.3
info: {title: Kinds test API, version: '1'}
paths:
  /good:
    get:
      operationId: good
      parameters:
        - {name: limit, in: query, schema: {type: integer, default: 10}}
      responses:
        '200':
          description: ok
          headers: {X-Total: {required: true, schema: {type: integer}}}
          content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}
  /missing-header:
    get:
      operationId: missingHeader
      responses:
        '200':
          description: ok
          headers: {X-Total: {required: true, schema: {type: integer}}}
          content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}
  /bad-body:
    get:
      operationId: badBody
      responses:
        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}}
  /wrong-status:
    get:
      operationId: wrongStatus
      responses:
        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}}
  /wrong-type:
    get:
      operationId: wrongType
      responses:
        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}}
  /crash:
    get:
      operationId: crash
      parameters:
        - {name: page, in: query, required: true, schema: {type: integer, minimum: 1}}
      responses:
        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}}
        default: {description: error}
  /hangup:
    get:
      operationId: hangup
      responses:
        '200': {description: ok}
  /tolerant:
    get:
      operationId: tolerant
      parameters:
        - {name: flag, in: query, schema: {type: boolean}}
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: object}}}}
  /guarded:
    get:
      operationId: guarded
      parameters:
        - {name: flag, in: query, schema: {type: boolean, example: true}}
      responses:
        '200': {description: ok}
        '401': {description: credentials missing}
  /no-allow:
    get:
      operationId: noAllow
      responses:
        '200': {description: ok}
  /traced:
    get:
      operationId: traced
      responses: {'200': {description: ok}}
    trace:
      operationId: traceTraced
      responses: {'200': {description: ok}}
  /items/{id}:
    get:
      operationId: item
      parameters:
        - {name: id, in: path, required: true, schema: {type: integer, example: 1}}
      responses:
        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}}
        '404': {description: not found}
    delete:
      operationId: deleteItem
      parameters:
        - {name: id, in: path, required: true, schema: {type: integer, example: 1}}
      responses:
        '204': {description: deleted}
components:
  schemas:
    Thing:
      type: object
      required: [id]
      properties:
        id: {type: integer}
        size: {type: number, format: decimal}
`;

export const BASE_PATH = '/api';

export interface KindsApi {
  /** Requests received, as "METHOD /path?query" without the base path. */
  hits: string[];
  handler(request: IncomingMessage, response: ServerResponse): void;
}

export function kindsApi(): KindsApi {
  const hits: string[] = [];
  const json = (response: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify(value));
  };
  return {
    hits,
    handler(request, response) {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const path = url.pathname.startsWith(BASE_PATH) ? url.pathname.slice(BASE_PATH.length) : url.pathname;
      const method = request.method ?? 'GET';
      hits.push(`${method} ${path}${url.search}`);
      const route = `${method} ${path}`;
      if (method === 'TRACE' && path === '/good') return void response.writeHead(405, { allow: 'GET' }).end();
      if (method === 'TRACE' && path === '/no-allow') return void response.writeHead(405).end();
      if (method === 'TRACE' && path === '/items/1') return json(response, 200, { echo: true });
      if (method === 'DELETE' && path === '/good') return void response.writeHead(501).end();
      switch (route) {
        case 'GET /good':
          if (!/^\d*$/.test(url.searchParams.get('limit') ?? '')) return json(response, 400, { error: 'limit' });
          return json(response, 200, { id: 1 }, { 'x-total': '1' });
        case 'GET /guarded':
          return json(response, 401, { error: 'who are you?' }, { 'www-authenticate': 'Bearer' });
        case 'GET /missing-header':
          return json(response, 200, { id: 1 });
        case 'GET /bad-body':
          return json(response, 200, { id: 'one' });
        case 'GET /wrong-status':
          return json(response, 201, { id: 1 });
        case 'GET /wrong-type':
          response.writeHead(200, { 'content-type': 'text/html' });
          return void response.end('<p>1</p>');
        case 'GET /crash':
          return json(response, 500, { error: 'crash' });
        case 'GET /hangup':
          return void request.socket.destroy();
        case 'GET /tolerant':
          return json(response, 200, {});
        case 'GET /items/1':
          return json(response, 200, { id: 1, size: 2.5 });
        default:
          return void response.writeHead(404).end();
      }
    },
  };
}
