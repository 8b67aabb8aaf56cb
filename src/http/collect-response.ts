/**
 * One request sent straight to the dispatcher with a handler that gathers the response: status,
 * headers and the body up to a size limit, without a stream in between (undici's `request()`
 * wraps every body in a Readable, which costs more than the rest of a small exchange).
 * A body with a content coding is decoded as it arrives (content-coding.ts), and the limit holds
 * for the decoded bytes. Crossing the limit, declared (Content-Length) or while reading, aborts
 * the request at once and with it the connection, so an endless body, or a coded one that
 * decodes without end, costs at most `maxBytes` of memory while it is read and its excerpt after.
 */
import type { Dispatcher } from 'undici';
import { BodyBuffer } from './body-buffer.js';
import { contentCodingOf, createDecoder, type Decoder } from './content-coding.js';
import type { Deadline } from './deadline.js';

export class ResponseTooLargeError extends Error {
  readonly code = 'KONFORM_RESPONSE_TOO_LARGE';
  constructor(readonly maxBytes: number, over: { declared?: number; contentCoding?: string } = {}) {
    super(
      over.declared !== undefined
        ? `response declares ${over.declared} bytes (Content-Length), over the limit of ${maxBytes} bytes`
        : over.contentCoding !== undefined
          ? `the decoded response body (${over.contentCoding}) exceeds the limit of ${maxBytes} bytes`
          : `response body exceeds the limit of ${maxBytes} bytes`,
    );
    this.name = 'ResponseTooLargeError';
  }
}

export interface CollectedResponse {
  status: number;
  headers: Record<string, string | string[]>;
  /** The body, decoded; of a body cut at the limit, its first `keptWhenCut` bytes only. */
  body: Buffer;
  /** Bytes of the decoded body received, up to the limit. */
  bytes: number;
  /** True when the body was cut at the size limit. */
  cut: boolean;
  /** The content codings the body was decoded from, as contentCodingOf gives them; undefined for none. */
  contentCoding: string | undefined;
}

/** A request that failed after its response began: what had arrived, and why it stopped. */
export class ResponseBrokenOff extends Error {
  constructor(readonly response: CollectedResponse, cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'ResponseBrokenOff';
  }
}

export interface CollectOptions {
  dispatcher: Dispatcher;
  url: URL;
  method: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  maxBytes: number;
  /** Bytes of a body cut at the limit that are kept, for its excerpt. */
  keptWhenCut: number;
  /** Aborts the request, with its `reason`, when it expires. */
  deadline: Deadline;
}

/** RFC 9110 §6.4.1: responses to HEAD, 204 and 304 have no content whatever Content-Length says. */
function declaredLength(method: string, status: number, headers: Record<string, string | string[]>): number | undefined {
  const value = headers['content-length'];
  if (method === 'HEAD' || status === 204 || status === 304 || typeof value !== 'string') return undefined;
  const length = Number(value);
  return Number.isSafeInteger(length) ? length : undefined;
}

const asError = (reason: unknown): Error => (reason instanceof Error ? reason : new Error(String(reason ?? 'aborted')));

export function collectResponse(options: CollectOptions): Promise<CollectedResponse> {
  const { url, maxBytes, deadline } = options;
  return new Promise((resolve, reject) => {
    let controller: Dispatcher.DispatchController | undefined;
    let started: { status: number; headers: Record<string, string | string[]>; contentCoding: string | undefined } | undefined;
    let settled = false;
    const body = new BodyBuffer(maxBytes, options.keptWhenCut);
    let decoder: Decoder | undefined;
    // Whatever settles the request lets go of the body and the decoder: an error kept as
    // evidence keeps this closure alive through its stack trace.
    const settle = (error?: unknown): void => {
      if (settled) return;
      settled = true;
      controller = undefined;
      decoder?.destroy();
      decoder = undefined;
      const response = started && {
        status: started.status,
        headers: started.headers,
        body: body.take(),
        bytes: body.bytes,
        cut: body.cut,
        contentCoding: started.contentCoding,
      };
      if (error === undefined && response) resolve(response);
      else reject(response ? new ResponseBrokenOff(response, error) : error);
    };
    const fail = (error: Error): void => {
      controller?.abort(error);
      settle(error);
    };
    const decoded = (chunk: Buffer): void => {
      if (!body.add(chunk)) fail(new ResponseTooLargeError(maxBytes, { contentCoding: started?.contentCoding }));
    };
    /** The decoder of a coded body, made when its first bytes come: a body that never comes needs none. */
    const decoderFor = (contentCoding: string): Decoder => {
      const created = createDecoder(contentCoding, fail);
      created.output.on('data', decoded);
      created.output.on('end', () => settle());
      created.input.on('drain', () => controller?.resume());
      return created;
    };
    deadline.onExpire((reason) => fail(asError(reason)));
    options.dispatcher.dispatch(
      { origin: url.origin, path: `${url.pathname}${url.search}`, method: options.method, headers: options.headers, body: options.body ?? null },
      {
        onRequestStart(requestController) {
          controller = requestController;
          if (deadline.expired) requestController.abort(asError(deadline.reason));
        },
        onResponseStart(_controller, status, rawHeaders) {
          const headers = rawHeaders as Record<string, string | string[]>;
          const contentCoding = contentCodingOf(headers['content-encoding']);
          started = { status, headers, contentCoding };
          // A declared length is of the coded body; the limit is for the decoded one.
          const declared = contentCoding ? undefined : declaredLength(options.method, status, headers);
          if (declared === undefined || declared <= maxBytes) return;
          body.cutHere();
          fail(new ResponseTooLargeError(maxBytes, { declared }));
        },
        onResponseData(responseController, chunk) {
          const contentCoding = started?.contentCoding;
          if (!contentCoding) {
            if (!body.add(chunk)) fail(new ResponseTooLargeError(maxBytes));
            return;
          }
          try {
            decoder ??= decoderFor(contentCoding);
          } catch (error) {
            return fail(asError(error));
          }
          // The decoder holds what it has not decoded yet; the socket waits while it works.
          if (!decoder.input.write(chunk)) responseController.pause();
        },
        onResponseEnd() {
          controller = undefined;
          if (decoder) decoder.input.end();
          else settle();
        },
        onResponseError(_controller, error) {
          settle(error);
        },
      },
    );
  });
}
