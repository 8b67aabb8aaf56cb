/**
 * Secrets are redacted in values, never in names or structure: a URL keeps its scheme, host,
 * port and query parameter names whatever the secret, and a finding keeps its code, keys and
 * exchange ID.
 */
import { describe, expect, it } from 'vitest';
import { createRedactor, REDACTED } from '../../src/http/redaction.js';
import type { CheckResult } from '../../src/model/report.js';
import { redactFindings } from '../../src/run/redact-findings.js';

const withSecret = (secret: string) => createRedactor([{ scheme: 'apiKey', in: 'query', name: 'key', value: secret }]);

describe('URLs redacted by component', () => {
  it('leaves scheme, host, port and parameter names alone, however short the secret', () => {
    const redactor = withSecret('1');
    expect(redactor.redactUrl('http://127.0.0.1:8081/v1/items?key=1&page=1&1=x')).toBe(`http://127.0.0.1:8081/v1/items?key=${REDACTED}&page=${REDACTED}&1=x`);
  });

  it('replaces userinfo whole, secrets inside other query values and the fragment, and a path segment that is a secret', () => {
    const redactor = withSecret('s3cr3t');
    expect(redactor.redactUrl('https://user:pw@h.example/session/s3cr3t/x?q=a%20s3cr3t#t=s3cr3t')).toBe(
      `https://${REDACTED}@h.example/session/${REDACTED}/x?q=a%20${REDACTED}#t=${REDACTED}`,
    );
    expect(redactor.redactUrl('/next?token=s3cr3t')).toBe(`/next?token=${REDACTED}`);
  });

  it('redacts a value that is a URL as a URL, any other text as text', () => {
    const redactor = withSecret('a');
    expect(redactor.redactValue('http://a.example/?q=a')).toBe(`http://a.example/?q=${REDACTED}`);
    expect(redactor.redactValue('a map')).toBe(`${REDACTED} m${REDACTED}p`);
    expect(redactor.redactValue('http://h/ said a')).toBe(`http://h/ s${REDACTED}id ${REDACTED}`);
  });
});

describe('findings redacted as values', () => {
  it('redacts message and params strings, and keeps code, rule, keys and exchange ID', () => {
    const shared = { code: 'status', message: 'got status', rule: 'status', exchange: 'status', params: { status: 'status', list: ['status', 7] } };
    const result = { findings: [shared, shared] } as unknown as CheckResult;
    redactFindings(result, withSecret('status'));
    expect(result.findings).toEqual([
      { code: 'status', message: `got ${REDACTED}`, rule: 'status', exchange: 'status', params: { status: REDACTED, list: [REDACTED, 7] } },
      { code: 'status', message: `got ${REDACTED}`, rule: 'status', exchange: 'status', params: { status: REDACTED, list: [REDACTED, 7] } },
    ]);
    expect(shared.message).toBe('got status');
  });
});
