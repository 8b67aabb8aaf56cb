import { describe, expect, it } from 'vitest';
import { startDeadline } from '../../src/http/deadline.js';
import { excerptBody } from '../../src/http/excerpt.js';
import { createRateLimiter } from '../../src/http/rate-limit.js';
import { createRedactor, REDACTED } from '../../src/http/redaction.js';

/**
 * The excerpt as the WHATWG decoder (fatal, streaming) gives it, binary when a binary data byte
 * (MIME Sniffing §3) is in the first 1445 bytes: the reference for the byte-level fast path.
 */
function referenceExcerpt(body: Uint8Array, limit: number): string {
  const binary = `[binary, ${body.length} bytes]`;
  if (body.subarray(0, Math.min(limit, 1445)).some((byte) => byte <= 0x08 || byte === 0x0b || (byte >= 0x0e && byte <= 0x1a) || (byte >= 0x1c && byte <= 0x1f))) return binary;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body.subarray(0, limit), { stream: true });
  } catch {
    return binary;
  }
}

describe('body excerpts without secrets', () => {
  const redactor = createRedactor();
  const bodies: Record<string, number[]> = {
    'a character cut after its lead byte': [0x61, 0xe2, 0x82, 0xac, 0x62, 0xe2],
    'a four-byte character cut after three bytes': [0x61, 0xf0, 0x9f, 0x98],
    'a lead byte that no second byte completes (E0 80)': [0x61, 0xe0, 0x80],
    'a surrogate beginning (ED A0)': [0x61, 0xed, 0xa0],
    'a byte that never begins a character (FF)': [0x61, 0xff],
    'a stray continuation byte': [0x61, 0x80, 0x62],
    'a byte order mark': [0xef, 0xbb, 0xbf, 0x61, 0x62],
    'a control character': [0x61, 0x01, 0x62],
    'a vertical tab': [0x61, 0x0b, 0x62],
    'tab, line feed, form feed, carriage return and escape': [0x61, 0x09, 0x0a, 0x0c, 0x0d, 0x1b, 0x62],
  };

  for (const [name, bytes] of Object.entries(bodies)) {
    it(`decodes ${name} as the WHATWG decoder does, at every cut`, () => {
      const body = Buffer.from(bytes);
      for (let limit = 1; limit <= body.length + 1; limit += 1) {
        expect(excerptBody(body, limit, redactor).excerpt, `limit ${limit}`).toBe(referenceExcerpt(body, limit));
      }
    });
  }
});

describe('binary content', () => {
  const redactor = createRedactor();

  it('is judged by the first 1445 bytes (the resource header of MIME Sniffing §5.2)', () => {
    const late = Buffer.concat([Buffer.alloc(1445, 0x61), Buffer.from([0x01, 0x62])]);
    expect(excerptBody(late, 4096, redactor).excerpt).toBe(`${'a'.repeat(1445)}\u0001b`);
    const early = Buffer.concat([Buffer.alloc(1444, 0x61), Buffer.from([0x01, 0x62])]);
    expect(excerptBody(early, 4096, redactor).excerpt).toBe('[binary, 1446 bytes]');
  });
});

describe('the redactor without secrets', () => {
  it('leaves URLs as they are but still removes userinfo', () => {
    const redactor = createRedactor();
    expect(redactor.redactUrl('http://h.example/x?api_key=1&b=2')).toBe('http://h.example/x?api_key=1&b=2');
    expect(redactor.redactUrl('http://u:p@h.example/x?a=@')).toBe(`http://${REDACTED}@h.example/x?a=@`);
  });

  it('still hides credential headers, and copies the others', () => {
    const redactor = createRedactor();
    const values = ['a=1', 'b=2'];
    const headers = redactor.redactHeaders({ Authorization: 'Bearer t', 'set-cookie': values, link: values });
    expect(headers).toEqual({ Authorization: REDACTED, 'set-cookie': [REDACTED, REDACTED], link: values });
    expect(headers.link).not.toBe(values);
  });
});

describe('startDeadline', () => {
  it('aborts every deadline of a run when the run aborts, and no disposed one', () => {
    const run = new AbortController();
    const live = [startDeadline(60_000, run.signal), startDeadline(60_000, run.signal)];
    const disposed = startDeadline(60_000, run.signal);
    disposed.dispose();
    run.abort(new Error('stop'));
    for (const deadline of live) {
      expect([deadline.expired, (deadline.reason as Error).message]).toEqual(['aborted', 'stop']);
      deadline.dispose();
    }
    expect(disposed.expired).toBeUndefined();
    const late = startDeadline(60_000, run.signal);
    expect(late.expired).toBe('aborted');
    late.dispose();
  });

  it('expires on its timer with a TimeoutError', async () => {
    const deadline = startDeadline(1);
    await new Promise((resolve) => deadline.onExpire(resolve));
    expect([deadline.expired, (deadline.reason as DOMException).name]).toEqual(['timeout', 'TimeoutError']);
    deadline.dispose();
  });

  it('expires the deadlines of one duration in the order they started, none once disposed', async () => {
    const [first, disposed, last] = [startDeadline(30), startDeadline(30), startDeadline(30)];
    const expired: string[] = [];
    first.onExpire(() => expired.push('first'));
    disposed.onExpire(() => expired.push('disposed'));
    disposed.dispose();
    await new Promise((resolve) => last.onExpire(resolve));
    expired.push('last');
    expect(expired).toEqual(['first', 'last']);
    expect([first.expired, disposed.expired, last.expired]).toEqual(['timeout', undefined, 'timeout']);
    first.dispose();
    last.dispose();
  });

  it('keeps one timer for the deadlines of one duration, and none once they are disposed', () => {
    const timers = (): number => process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;
    const before = timers();
    const deadlines = Array.from({ length: 5 }, () => startDeadline(54_321));
    expect(timers()).toBe(before + 1);
    for (const deadline of deadlines) deadline.dispose();
    expect(timers()).toBe(before);
  });
});
