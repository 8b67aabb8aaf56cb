import { describe, expect, it } from 'vitest';
import { startDeadline } from '../../src/http/deadline.js';
import { excerptBody } from '../../src/http/excerpt.js';
import { createRateLimiter } from '../../src/http/rate-limit.js';
import { createRedactor, REDACTED } from '../../src/http/redaction.js';

/** The excerpt as the WHATWG decoder (fatal, streaming) gives it: the reference for the byte-level fast path. */
function referenceExcerpt(body: Uint8Array, limit: number): string {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(body.subarray(0, limit), { stream: true });
    return /[\x00-\x08\x0E-\x1A\x1C-\x1F]/.test(text) ? `[binary, ${body.length} bytes]` : text;
  } catch {
    return `[binary, ${body.length} bytes]`;
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
    'tab, line feed and escape': [0x61, 0x09, 0x0a, 0x1b, 0x62],
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
      expect([deadline.expired, deadline.signal.aborted, (deadline.signal.reason as Error).message]).toEqual(['aborted', true, 'stop']);
      deadline.dispose();
    }
    expect([disposed.expired, disposed.signal.aborted]).toEqual([undefined, false]);
    const late = startDeadline(60_000, run.signal);
    expect(late.expired).toBe('aborted');
    late.dispose();
  });

  it('expires on its timer with a TimeoutError', async () => {
    const deadline = startDeadline(1);
    await new Promise((resolve) => deadline.signal.once('abort', resolve));
    expect([deadline.expired, (deadline.signal.reason as DOMException).name]).toEqual(['timeout', 'TimeoutError']);
    deadline.dispose();
  });
});

describe('createRateLimiter.wait', () => {
  it('gives no promise when the slot is now, one when it is later', async () => {
    const limiter = createRateLimiter(1000, () => 0);
    expect(createRateLimiter(0).wait('a')).toBeUndefined();
    expect(limiter.wait('a')).toBeUndefined();
    const later = limiter.wait('a');
    expect(later).toBeInstanceOf(Promise);
    await later;
  });
});

