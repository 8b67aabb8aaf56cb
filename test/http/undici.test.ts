import * as undici from 'undici';
import { describe, expect, it } from 'vitest';
import { Agent, buildConnector, Client } from '../../src/http/undici.js';

describe('the undici parts konform loads on their own', () => {
  it('are the classes undici exports', () => {
    expect(Agent).toBe(undici.Agent);
    expect(buildConnector).toBe(undici.buildConnector);
    expect(Client).toBe(undici.Client);
  });
});
