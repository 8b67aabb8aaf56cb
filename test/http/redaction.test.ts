import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_CREDENTIALS as C } from '../../fixtures/auth/credentials.js';
import { startAuthServer, type AuthServer } from '../../fixtures/auth/server.js';
import { basicCredentials, oauthClientCredentials } from '../../src/http/credential-encoding.js';
import { excerptBody } from '../../src/http/excerpt.js';
import { createRedactor, REDACTED } from '../../src/http/redaction.js';
import type { AuthConfig } from '../../src/http/types.js';
import { get, testClient } from './helpers.js';

describe('Redactor', () => {
  it('replaces a secret wherever it occurs, in its URL, form and JSON encodings too', () => {
    const redactor = createRedactor([{ scheme: 'bearer', token: 'to"ken x/y' }]);
    expect(redactor.redactText('a to"ken x/y b')).toBe(`a ${REDACTED} b`);
    expect(redactor.redactText('q=to%22ken%20x%2Fy&r=to%22ken+x%2Fy')).toBe(`q=${REDACTED}&r=${REDACTED}`);
    expect(redactor.redactText(JSON.stringify({ t: 'to"ken x/y' }))).toBe(`{"t":"${REDACTED}"}`);
    expect(redactor.redactText('nothing secret here')).toBe('nothing secret here');
    expect(createRedactor([{ scheme: 'bearer', token: "it's!" }]).redactText('t=it%27s%21')).toBe(`t=${REDACTED}`);
  });

  it('replaces the longer of two overlapping secrets whole', () => {
    const redactor = createRedactor();
    redactor.addSecret('abc');
    redactor.addSecret('abcdef');
    expect(redactor.redactText('xabcdefx abc')).toBe(`x${REDACTED}x ${REDACTED}`);
  });

  it('redacts credential headers by name and other headers by value', () => {
    const redactor = createRedactor([{ scheme: 'apiKey', in: 'header', name: 'X-Key', value: 'k-123' }]);
    const headers = redactor.redactHeaders({
      authorization: 'Basic abc',
      'x-key': 'anything',
      'set-cookie': ['a=1', 'b=2'],
      'x-echo': 'got k-123',
      accept: 'application/json',
    });
    expect(headers).toEqual({
      authorization: REDACTED,
      'x-key': REDACTED,
      'set-cookie': [REDACTED, REDACTED],
      'x-echo': `got ${REDACTED}`,
      accept: 'application/json',
    });
  });

  it('redacts the api key query parameter and URL userinfo, and leaves other parameters', () => {
    const redactor = createRedactor([{ scheme: 'apiKey', in: 'query', name: 'api_key', value: 'k-123' }]);
    expect(redactor.redactUrl('https://u:p@h.example/x?a=1&API_KEY=whatever&b=k-123#f')).toBe(
      `https://${REDACTED}@h.example/x?a=1&API_KEY=${REDACTED}&b=${REDACTED}#f`,
    );
    expect(redactor.redactUrl('https://h.example/x?a=1')).toBe('https://h.example/x?a=1');
  });

  it('keeps a prefix without cutting through a secret', () => {
    const redactor = createRedactor([{ scheme: 'bearer', token: 'SECRET' }]);
    expect(redactor.redactText('0123SECRET89', 6)).toBe(`0123${REDACTED}`);
    expect(redactor.redactText('0123SECRET89', 3)).toBe('012');
  });

  it('knows the encoded forms of basic and OAuth2 client credentials', () => {
    const redactor = createRedactor([
      { scheme: 'basic', username: 'u', password: 'p w' },
      { scheme: 'oauth2', tokenUrl: 'https://h/t', clientId: 'c', clientSecret: 's+/', scopes: [] },
    ]);
    expect(redactor.redactText(basicCredentials('u', 'p w'))).toBe(REDACTED);
    expect(redactor.redactText(oauthClientCredentials('c', 's+/'))).toBe(REDACTED);
  });
});

describe('body excerpts', () => {
  const redactor = createRedactor([{ scheme: 'bearer', token: 'SECRET' }]);

  it('keeps the first bytes of a text body and says when it cut', () => {
    expect(excerptBody(Buffer.from('hello world'), 5, redactor)).toEqual({ excerpt: 'hello', truncated: true });
    expect(excerptBody(Buffer.from('hello'), 5, redactor)).toEqual({ excerpt: 'hello', truncated: false });
  });

  it('redacts a secret that crosses the cut', () => {
    expect(excerptBody(Buffer.from('abcSECRETdef'), 5, redactor).excerpt).toBe(`abc${REDACTED}`);
  });

  it('never splits a multi-byte character', () => {
    expect(excerptBody(Buffer.from('aä'), 2, redactor).excerpt).toBe('a');
  });

  it('marks binary content instead of showing it', () => {
    expect(excerptBody(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), 100, redactor)).toEqual({ excerpt: '[binary, 6 bytes]', truncated: true });
  });
});

describe('exchanges of every scheme', () => {
  let auth: AuthServer;
  beforeAll(async () => {
    auth = await startAuthServer({ tokenLifetimeSeconds: 60 });
  });
  afterAll(() => auth.close());

  const schemes = (url: string): AuthConfig[] => [
    { scheme: 'apiKey', in: 'header', name: C.apiKeyHeader, value: C.apiKey },
    { scheme: 'apiKey', in: 'query', name: C.apiKeyQuery, value: C.apiKey },
    { scheme: 'basic', username: C.username, password: C.password },
    { scheme: 'bearer', token: C.bearerToken },
    { scheme: 'oauth2', tokenUrl: `${url}/oauth/token`, clientId: C.clientId, clientSecret: C.clientSecret, scopes: [...C.scopes] },
  ];

  it('contain no secret, though /echo reflects every credential in its body', async () => {
    const secrets = [C.apiKey, C.password, C.bearerToken, C.clientSecret, basicCredentials(C.username, C.password)];
    const responses: string[] = [];
    const exchanges: unknown[] = [];
    for (const config of schemes(auth.url)) {
      const { client, exchanges: recorded } = testClient([auth.url], { auth: [config], limits: { excerptBytes: 100_000 } });
      for (const path of ['/echo', '/oauth/resource', '/api-key-query']) {
        const response = await client.send({ method: 'POST', url: `${auth.url}${path}?q=1`, body: `echo ${config.scheme}` });
        responses.push(response.body.toString());
        exchanges.push({ returnedUrl: response.url });
      }
      exchanges.push(...recorded);
      await client.close();
    }
    const issued = [...new Set(auth.tokensSeen)];
    expect(issued.length).toBeGreaterThan(0);
    const recorded = JSON.stringify(exchanges);
    // The echoed bodies carried the credentials: the exchanges are clean because of redaction.
    const echoed = responses.join('\n');
    for (const secret of [C.apiKey, C.bearerToken, basicCredentials(C.username, C.password), ...issued]) expect(echoed).toContain(secret);
    for (const secret of [...secrets, ...issued]) {
      expect(recorded).not.toContain(secret);
      expect(recorded).not.toContain(encodeURIComponent(secret));
    }
    expect(recorded).toContain(REDACTED);
  });
});
