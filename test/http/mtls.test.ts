import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTestCertificates, startMtlsServer } from '../../fixtures/auth/mtls-server.js';
import type { Listening } from '../../fixtures/hostile/listen.js';
import { failureOf, get, testClient } from './helpers.js';

const certs = readTestCertificates();
let server: Listening;
beforeAll(async () => {
  server = await startMtlsServer();
});
afterAll(() => server.close());

describe('mutual TLS', () => {
  it('presents the configured client certificate', async () => {
    const { client } = testClient([server.url], { tls: { ca: certs.ca, cert: certs.clientCert, key: certs.clientKey } });
    const response = await client.send(get(`${server.url}/`));
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body.toString())).toEqual({ client: 'konform-test-client' });
    await client.close();
  });

  it('fails with reason tls when the server demands a certificate the client lacks', async () => {
    const { client, exchanges } = testClient([server.url], { tls: { ca: certs.ca } });
    const failure = await failureOf(client.send(get(`${server.url}/`)));
    expect(failure.reason).toBe('tls');
    expect(exchanges[0]?.error?.message).toMatch(/certificate/i);
    await client.close();
  });

  it('keeps the client key out of the exchanges', async () => {
    const { client, exchanges } = testClient([server.url], { tls: { ca: certs.ca, cert: certs.clientCert, key: certs.clientKey } });
    await client.send(get(`${server.url}/`));
    expect(client.redactor.redactText(certs.clientKey)).toBe('[REDACTED]');
    expect(JSON.stringify(exchanges)).not.toContain('PRIVATE KEY');
    await client.close();
  });
});
