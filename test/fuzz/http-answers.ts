/**
 * Answers for the fuzzing server (fixtures/fuzz/server.ts): statuses, headers (Content-Type,
 * CORS, Location, Retry-After, Content-Encoding, any other), bodies (JSON of a given shape,
 * truncated JSON, bytes that are not UTF-8, HTML, nothing, megabytes), content codings
 * (gzip, deflate, br; truncated, mislabelled, a bomb), framing (Content-Length honest or lying,
 * chunked, until close) and answers cut short or left silent.
 */
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import type { FuzzAnswer } from '../../fixtures/fuzz/server.js';
import { insertBytes, strayContinuationBytes } from './bytes.js';

const CODINGS = ['gzip', 'deflate', 'br'] as const;
/** 16 MiB of zeros in a few kB of gzip; a counterexample shows its name, not its bytes. */
const GZIP_BOMB = Object.assign(gzipSync(Buffer.alloc(16 * 2 ** 20)), { [fc.toStringMethod]: () => 'GZIP_BOMB' });

/**
 * URLs an answer may point to: the server's own paths, its entry, other hosts, the metadata
 * address, no URL, the empty string.
 */
export const linkArbitrary: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 0, max: 7 }).map((n) => `{base}/o/${n}`),
  fc.integer({ min: 0, max: 3 }).map((n) => `{base}/l/${n}`),
  fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 2, max: 4 })).map(([n, page]) => `{base}/l/${n}?page=${page}`),
  fc.constantFrom('{base}/', '{base}/o/1?x=1', 'http://example.invalid/o/1', 'http://169.254.169.254/latest/meta-data/', 'https://127.0.0.1:1/o/1', 'not a url', ''),
);

const header = fc.oneof(
  fc.constantFrom('application/json', 'application/json; charset=utf-8', 'application/json; charset=iso-8859-1', 'text/html', 'application/problem+json', '', ';;', 'application/json; charset=').map((value) => ['Content-Type', value] as const),
  fc.constantFrom('*', 'http://example.org').map((value) => ['Access-Control-Allow-Origin', value] as const),
  fc.constant(['Access-Control-Allow-Methods', 'GET'] as const),
  linkArbitrary.map((value) => ['Location', value] as const),
  // No pause: a Retry-After up to 30 s is honoured, and would only make the case slow.
  fc.constantFrom('0', 'soon', 'Wed, 21 Oct 2015 07:28:00 GMT').map((value) => ['Retry-After', value] as const),
  fc.constant(['Set-Cookie', 'session=1'] as const),
  fc.tuple(fc.stringMatching(/^[A-Za-z][A-Za-z-]{0,11}$/), fc.stringMatching(/^[\x20-\x7e\xa0-\xff]{0,40}$/)),
);

/** Bodies: JSON of the given shape (whole, with a byte order mark, cut, or with bytes that are not UTF-8), HTML, nothing, bytes. */
function bodyArbitrary(json: fc.Arbitrary<unknown>): fc.Arbitrary<string | Buffer> {
  const text = json.map((value) => JSON.stringify(value) ?? 'null');
  return fc.oneof(
    { weight: 8, arbitrary: text },
    { weight: 1, arbitrary: text.map((value) => `\uFEFF${value}`) },
    { weight: 1, arbitrary: fc.tuple(text, fc.nat()).map(([value, at]) => value.slice(0, at % (value.length + 1))) },
    { weight: 1, arbitrary: fc.tuple(text, fc.nat(), strayContinuationBytes).map(([value, at, bytes]) => insertBytes(Buffer.from(value), at, bytes)) },
    { weight: 1, arbitrary: fc.constantFrom('<html><body>Not JSON</body></html>', '') },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)) },
  );
}

/** The body in a content coding, said in Content-Encoding or mislabelled, maybe truncated; or a gzip bomb. */
const codingArbitrary = fc.oneof(
  { weight: 6, arbitrary: fc.constant(undefined) },
  {
    weight: 3,
    arbitrary: fc.record({
      name: fc.constantFrom(...CODINGS),
      truncated: fc.boolean(),
      // Mostly the coding's own name; sometimes another, or one konform does not decode.
      label: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'gzip, gzip', 'compress', 'x-unknown') }),
    }),
  },
  { weight: 1, arbitrary: fc.constant('bomb' as const) },
);

const framingArbitrary: fc.Arbitrary<FuzzAnswer['framing']> = fc.oneof(
  { weight: 6, arbitrary: fc.constant('length' as const) },
  { weight: 1, arbitrary: fc.constant('chunked' as const) },
  { weight: 1, arbitrary: fc.constant('close' as const) },
  { weight: 1, arbitrary: fc.oneof(fc.nat(300), fc.constant(10 ** 12)).map((declaredLength) => ({ declaredLength })) },
);

const cutArbitrary: fc.Arbitrary<FuzzAnswer['cut']> = fc.oneof(
  { weight: 12, arbitrary: fc.constant('none' as const) },
  { weight: 1, arbitrary: fc.constantFrom('destroy-before-head', 'destroy-after-head', 'destroy-mid-body', 'silent-before-head', 'silent-mid-body') },
);

const statusArbitrary = fc.oneof(
  { weight: 6, arbitrary: fc.constant(200) },
  { weight: 3, arbitrary: fc.constantFrom(201, 204, 301, 302, 304, 307, 400, 401, 403, 404, 410, 429, 500, 503) },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 599 }) },
);

/** An answer whose JSON bodies have the shape `json`. */
function answerArbitrary(json: fc.Arbitrary<unknown>): fc.Arbitrary<FuzzAnswer> {
  const huge = fc.integer({ min: 2 * 2 ** 20, max: 16 * 2 ** 20 }).map((padding) => ({ body: '', padding, coding: undefined }));
  const ordinary = fc.record({ body: bodyArbitrary(json), padding: fc.constant(0), coding: codingArbitrary });
  return fc
    .record({
      status: statusArbitrary,
      contentType: fc.option(fc.constant(['Content-Type', 'application/json; charset=utf-8'] as const), { freq: 5, nil: undefined }),
      headers: fc.array(header, { maxLength: 4 }),
      content: fc.oneof({ weight: 12, arbitrary: ordinary }, { weight: 1, arbitrary: huge }),
      framing: framingArbitrary,
      cut: cutArbitrary,
    })
    .map(({ status, contentType, headers, content: { body, padding, coding }, framing, cut }): FuzzAnswer => {
      const allHeaders = [...(contentType ? [contentType] : []), ...headers];
      if (coding === 'bomb') return { status, headers: [...allHeaders, ['Content-Encoding', 'gzip']], body: GZIP_BOMB, framing, cut };
      if (!coding) return { status, headers: allHeaders, body, padding, framing, cut };
      const { name, truncated, label } = coding;
      return { status, headers: [...allHeaders, ['Content-Encoding', label ?? name]], body, coding: { name, truncated }, framing, cut };
    });
}

/** The answers of one case: one to six, whose JSON bodies have the shape `json`. */
export const answersArbitrary = (json: fc.Arbitrary<unknown>): fc.Arbitrary<FuzzAnswer[]> => fc.array(answerArbitrary(json), { minLength: 1, maxLength: 6 });
