import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostileServer, type HostileServer } from '../../fixtures/hostile/server.js';
import { classifyAddress, createAddressPolicy, targetAddressCategories } from '../../src/http/address-policy.js';
import { failureOf, get, testClient } from './helpers.js';

describe('classifyAddress', () => {
  it.each([
    ['169.254.169.254', 'metadata'],
    ['fd00:ec2::254', 'metadata'],
    ['169.254.10.1', 'linkLocal'],
    ['fe80::1', 'linkLocal'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['127.0.0.1', 'loopback'],
    ['127.200.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['::ffff:10.0.0.1', 'private'],
    ['172.32.0.1', 'public'],
    ['100.128.0.1', 'public'],
    ['203.0.113.10', 'public'],
    ['2001:db8::1', 'public'],
  ])('%s is %s', (address, category) => {
    expect(classifyAddress(address)).toBe(category);
  });

  it('rejects what is not an IP address', () => {
    expect(() => classifyAddress('example.org')).toThrow(TypeError);
  });
});

describe('createAddressPolicy', () => {
  it('allows only public addresses for a public target', () => {
    const policy = createAddressPolicy(['public']);
    expect(policy.allows('203.0.113.10')).toBe(true);
    for (const address of ['127.0.0.1', '10.0.0.1', '169.254.169.254', 'fe80::1', '0.0.0.0']) expect(policy.allows(address)).toBe(false);
  });

  it('opens the loopback or private range the target lives in, never metadata or link-local', () => {
    const loopback = createAddressPolicy(['loopback']);
    expect(loopback.allows('127.0.0.1')).toBe(true);
    expect(loopback.allows('10.0.0.1')).toBe(false);
    const private_ = createAddressPolicy(['private']);
    expect(private_.allows('192.168.0.10')).toBe(true);
    expect(private_.allows('::1')).toBe(false);
    const linkLocal = createAddressPolicy(['linkLocal', 'metadata']);
    expect(linkLocal.allows('169.254.169.254')).toBe(false);
    expect(linkLocal.allows('169.254.1.1')).toBe(false);
  });

  it('classifies the target by resolving its name', async () => {
    expect(await targetAddressCategories('localhost')).toContain('loopback');
    expect(await targetAddressCategories('[::1]')).toEqual(['loopback']);
    expect(await targetAddressCategories('konform-no-such-host.invalid')).toEqual([]);
  });
});

describe('the client and the address policy', () => {
  let server: HostileServer;
  beforeAll(async () => {
    server = await startHostileServer();
  });
  afterAll(() => server.close());

  it('connects to a loopback address when the target is on loopback', async () => {
    const { client } = testClient([server.url]);
    expect((await client.send(get(`${server.url}/ok`))).status).toBe(200);
    await client.close();
  });

  it('refuses a loopback IP literal when the target is public, without connecting', async () => {
    const before = server.connections;
    const { client, exchanges } = testClient(['203.0.113.10', new URL(server.url).host]);
    const failure = await failureOf(client.send(get(`${server.url}/ok`)));
    expect(failure.reason).toBe('addressNotAllowed');
    expect(exchanges[0]?.error?.message).toMatch(/127\.0\.0\.1 \(loopback\)/);
    expect(server.connections).toBe(before);
    await client.close();
  });

  it('refuses a name resolving to loopback when the target is public', async () => {
    const port = new URL(server.url).port;
    const before = server.connections;
    const { client } = testClient(['203.0.113.10', `localhost:${port}`]);
    expect((await failureOf(client.send(get(`http://localhost:${port}/ok`)))).reason).toBe('addressNotAllowed');
    expect(server.connections).toBe(before);
    await client.close();
  });

  it('refuses the metadata address even when it is the target', async () => {
    const { client } = testClient(['169.254.169.254']);
    expect((await failureOf(client.send(get('http://169.254.169.254/latest/meta-data/')))).reason).toBe('addressNotAllowed');
    await client.close();
  });
});
