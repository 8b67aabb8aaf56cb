/**
 * A server that gives back the secret it was sent, for the secrets battery (hostile-secrets.test.ts):
 * whatever credential came (bearer token, Basic password, API key in a header or the query) is
 * echoed as `ECHO<<secret>>` in a response header, in the body as a value and as a key, and in
 * the Content-Type, so that it reaches exchanges, finding messages and finding params alike.
 * The document it serves (`echoDocument`) declares a body that must not have that key and a
 * JSON Content-Type, so the echo fails checks whose findings quote it.
 */
import { createServer, type IncomingMessage } from 'node:http';
import { listenOnLoopback, type Listening } from '../../fixtures/hostile/listen.js';

export const API_KEY_HEADER = 'x-api-key';
export const API_KEY_QUERY = 'api_key';

/** How the server marks what it echoes; upper case, so no lower-case or numeric secret occurs in it. */
export const echoed = (secret: string): string => `ECHO<<${secret}>>`;

function receivedSecret(request: IncomingMessage, url: URL): string {
  const authorization = request.headers.authorization ?? '';
  if (authorization.startsWith('Bearer ')) return authorization.slice('Bearer '.length);
  if (authorization.startsWith('Basic ')) {
    const pair = Buffer.from(authorization.slice('Basic '.length), 'base64').toString('utf8');
    return pair.slice(pair.indexOf(':') + 1);
  }
  const header = request.headers[API_KEY_HEADER];
  if (typeof header === 'string') return header;
  return url.searchParams.get(API_KEY_QUERY) ?? '';
}

export function startSecretEchoServer(): Promise<Listening> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://echo');
    const echo = echoed(receivedSecret(request, url));
    const headers = { 'x-echo': echo, 'x-echo-authorization': request.headers.authorization ?? '' };
    if (url.pathname === '/typed') {
      response.writeHead(200, { ...headers, 'content-type': `application/${echo}` }).end('{}');
      return;
    }
    response.writeHead(200, { ...headers, 'content-type': 'application/json' }).end(JSON.stringify({ echo, [echo]: true, url: request.url }));
  });
  return listenOnLoopback(server);
}

/** The OpenAPI document of the echo server. */
export const echoDocument = {
  openapi: '3.0.3',
  info: { title: 'Secret echo', version: '1.0.0' },
  paths: {
    '/echo': {
      get: {
        operationId: 'getEcho',
        responses: {
          '200': {
            description: 'The echo.',
            content: {
              'application/json': {
                schema: { type: 'object', properties: { echo: { type: 'string' }, url: { type: 'string' } }, additionalProperties: false },
              },
            },
          },
        },
      },
    },
    '/typed': {
      get: {
        operationId: 'getTyped',
        responses: { '200': { description: 'The echo in the Content-Type.', content: { 'application/json': { schema: { type: 'object' } } } } },
      },
    },
  },
};
