/**
 * Content codings (RFC 9110 §8.4). Without Accept-Encoding a server may apply any coding
 * (§12.5.3), so konform names the ones it decodes — gzip, deflate and br — and undoes a coded
 * body as it arrives. A coding it cannot decode, or a body that does not decode, is a
 * ContentCodingError: the answer could not be read.
 */
import type { Duplex, Readable, Writable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

/** The Accept-Encoding field of every request, unless a request gives its own. */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

/** §8.4.1: x-gzip is gzip; deflate is the zlib format (RFC 1950); br is Brotli (RFC 7932). */
const DECODERS: Record<string, () => Duplex> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

export class ContentCodingError extends Error {
  readonly code = 'KONFORM_CONTENT_CODING';
  constructor(message: string) {
    super(message);
    this.name = 'ContentCodingError';
  }
}

/**
 * The codings a Content-Encoding field lists, in the order they were applied (§8.4), as one
 * lower-case list ("gzip, br"); identity, which changes nothing, is left out. Undefined when none is left.
 */
export function contentCodingOf(field: string | string[] | undefined): string | undefined {
  if (field === undefined) return undefined;
  const codings = (Array.isArray(field) ? field.join(',') : field)
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
  return codings.length === 0 ? undefined : codings.join(', ');
}

export interface Decoder {
  /** Takes the coded bytes; when `write` returns false, wait for its 'drain'. */
  readonly input: Writable;
  /** Gives the decoded bytes ('data'), then 'end'. */
  readonly output: Readable;
  destroy(): void;
}

/**
 * Undoes `contentCoding` (as contentCodingOf gives it), the last coding applied first. A body
 * that does not decode is handed to `onError` as a ContentCodingError; a coding konform cannot
 * decode throws one.
 */
export function createDecoder(contentCoding: string, onError: (error: ContentCodingError) => void): Decoder {
  const stages = contentCoding
    .split(', ')
    .reverse()
    .map((coding) => {
      const create = DECODERS[coding];
      if (!create) throw new ContentCodingError(`the response has the content coding ${coding}, which konform cannot decode (it asks for ${ACCEPT_ENCODING})`);
      return create();
    });
  for (const stage of stages) stage.on('error', (error: Error) => onError(new ContentCodingError(`the body does not decode as ${contentCoding}: ${error.message}`)));
  stages.reduce((upstream, next) => upstream.pipe(next));
  return {
    input: stages[0] as Duplex,
    output: stages.at(-1) as Duplex,
    destroy: () => stages.forEach((stage) => stage.destroy()),
  };
}
