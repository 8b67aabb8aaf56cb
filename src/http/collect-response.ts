/**
 * One request sent straight to the dispatcher with a handler that gathers the response: status,
 * headers and the body up to a size limit, without a stream in between (undici's `request()`
 * wraps every body in a Readable, which costs more than the rest of a small exchange).
 * Crossing the limit, declared (Content-Length) or while reading, aborts the request at once
 * and with it the connection, so an endless body costs at most `maxBytes` of memory.
 */
import type { Dispatcher } from 'undici';
import type { Deadline } from './deadline.js';

export class ResponseTooLargeError extends Error {
  readonly code = 'KONFORM_RESPONSE_TOO_LARGE';
  constructor(readonly maxBytes: number, declared?: number) {
    super(
      declared === undefined
        ? `response body exceeds the limit of ${maxBytes} bytes`
        : `response declares ${declared} bytes (Content-Length), over the limit of ${maxBytes} bytes`,
    );
    this.name = 'ResponseTooLargeError';
  }
}

export interface CollectedResponse {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
  /** True when the body was cut at the size limit. */
  cut: boolean;
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
    let started: Omit<CollectedResponse, 'body' | 'cut'> | undefined;
    const chunks: Buffer[] = [];
    let received = 0;
    let cut = false;
    const body = (): Buffer => (chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, received));
    const settle = (error?: unknown): void => {
      controller = undefined;
      const response = started && { status: started.status, headers: started.headers, body: body(), cut };
      if (error === undefined && response) resolve(response);
      else reject(response ? new ResponseBrokenOff(response, error) : error);
    };
    deadline.onExpire((reason) => controller?.abort(asError(reason)));
    options.dispatcher.dispatch(
      { origin: url.origin, path: `${url.pathname}${url.search}`, method: options.method, headers: options.headers, body: options.body ?? null },
      {
        onRequestStart(requestController) {
          controller = requestController;
          if (deadline.expired) requestController.abort(asError(deadline.reason));
        },
        onResponseStart(responseController, status, headers) {
          started = { status, headers: headers as Record<string, string | string[]> };
          const declared = declaredLength(options.method, status, started.headers);
          if (declared === undefined || declared <= maxBytes) return;
          cut = true;
          responseController.abort(new ResponseTooLargeError(maxBytes, declared));
        },
        onResponseData(responseController, chunk) {
          if (received + chunk.length > maxBytes) {
            chunks.push(chunk.subarray(0, maxBytes - received));
            received = maxBytes;
            cut = true;
            responseController.abort(new ResponseTooLargeError(maxBytes));
            return;
          }
          chunks.push(chunk);
          received += chunk.length;
        },
        onResponseEnd() {
          settle();
        },
        onResponseError(_controller, error) {
          settle(error);
        },
      },
    );
  });
}
