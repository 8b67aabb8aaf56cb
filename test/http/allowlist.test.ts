import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostileServer, type HostileServer } from '../../fixtures/hostile/server.js';
import { KonformError } from '../../src/model/errors.js';
import { createAllowlist } from '../../src/http/allowlist.js';
import { failureOf, get, testClient } from './helpers.js';

describe('createAllowlist', () => {
  const allows = (entries: string[], url: string): boolean => createAllowlist(entries).allows(new URL(url));

  it('allows a host on any port, a host:port on that port only', () => {
    expect(allows(['api.example.org'], 'https://api.example.org:8443/x')).toBe(true);
    expect(allows(['api.example.org:8443'], 'https://api.example.org:8443/x')).toBe(true);
    expect(allows(['api.example.org:8443'], 'https://api.example.org/x')).toBe(false);
    expect(allows(['api.example.org:443'], 'https://api.example.org/x')).toBe(true);
    expect(allows(['api.example.org:443'], 'http://api.example.org/x')).toBe(false);
  });

  it('compares host names case-insensitively and ignores a trailing dot', () => {
    expect(allows(['API.Example.ORG'], 'https://api.example.org./')).toBe(true);
    expect(allows(['api.example.org'], 'https://other.example.org/')).toBe(false);
    expect(allows(['example.org'], 'https://api.example.org/')).toBe(false);
  });

  it('understands IPv6 addresses with and without brackets', () => {
    expect(allows(['[::1]:8080'], 'http://[::1]:8080/')).toBe(true);
    expect(allows(['::1'], 'http://[0:0::1]:9/')).toBe(true);
    expect(allows(['[::1]:8080'], 'http://[::2]:8080/')).toBe(false);
  });

  it('allows only http and https', () => {
    expect(allows(['example.org'], 'ftp://example.org/')).toBe(false);
    expect(allows(['example.org'], 'file://example.org/etc/passwd')).toBe(false);
  });

  it('rejects an entry that is not a host', () => {
    expect(() => createAllowlist(['http://']).allows(new URL('http://x/'))).toThrow(KonformError);
    expect(() => createAllowlist(['bad host'])).toThrow(/not a host/);
    expect(() => createAllowlist(['user@example.org'])).toThrow(/not a host/);
    expect(() => createAllowlist(['example.org:80:90'])).toThrow(/not a host/);
  });
});

describe('the client and its allowlist', () => {
  let target: HostileServer;
  let other: HostileServer;
  beforeAll(async () => {
    [target, other] = await Promise.all([startHostileServer(), startHostileServer()]);
  });
  afterAll(() => Promise.all([target.close(), other.close()]));

  it('refuses a host not in the list without connecting', async () => {
    const before = other.connections;
    const { client, exchanges } = testClient([target.url]);
    const failure = await failureOf(client.send(get(`${other.url}/ok`)));
    expect(failure.reason).toBe('hostNotAllowed');
    expect(exchanges[0]?.error?.reason).toBe('hostNotAllowed');
    expect(other.connections).toBe(before);
    expect((await client.send(get(`${target.url}/ok`))).status).toBe(200);
    await client.close();
  });

  it('refuses a redirect to a foreign host, recording the redirect', async () => {
    const { client, exchanges } = testClient([target.url]);
    const failure = await failureOf(client.send(get(`${target.url}/redirect-foreign`)));
    expect(failure.reason).toBe('hostNotAllowed');
    expect(failure.url).toBe('http://evil.example.invalid/collect');
    expect(exchanges[0]?.redirects).toEqual([{ status: 302, location: 'http://evil.example.invalid/collect' }]);
    await client.close();
  });

  it('refuses a redirect to a server not in the list, which sees no connection', async () => {
    const before = other.connections;
    const { client } = testClient([target.url]);
    const location = encodeURIComponent(`${other.url}/ok`);
    expect((await failureOf(client.send(get(`${target.url}/redirect?location=${location}`)))).reason).toBe('hostNotAllowed');
    expect(other.connections).toBe(before);
    await client.close();
  });

  it('follows a redirect to another allowed host', async () => {
    const { client } = testClient([target.url, other.url]);
    const location = encodeURIComponent(`${other.url}/ok`);
    const response = await client.send(get(`${target.url}/redirect?location=${location}`));
    expect(response.status).toBe(200);
    expect(response.url).toBe(`${other.url}/ok`);
    await client.close();
  });
});
