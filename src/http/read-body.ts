/**
 * Reads a response body up to a size limit. Crossing the limit stops reading at once and
 * destroys the stream (which closes the connection), so an endless body costs at most
 * `maxBytes` of memory.
 */
import { finished, type Readable } from 'node:stream';

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

/** A body read that ended early; carries the bytes received before the failure. */
export class BodyReadError extends Error {
  constructor(
    readonly received: Buffer,
    /** True when the body was cut at the size limit. */
    readonly cut: boolean,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'BodyReadError';
  }
}

export function readLimitedBody(body: Readable, maxBytes: number, declaredLength?: number): Promise<Buffer> {
  if (declaredLength !== undefined && declaredLength > maxBytes) {
    body.destroy();
    return Promise.reject(new BodyReadError(Buffer.alloc(0), true, new ResponseTooLargeError(maxBytes, declaredLength)));
  }
  // Read through events rather than an async iterator: one promise per body, not one per chunk.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let settled = false;
    const fail = (error: unknown): void => {
      if (settled) return;
      settled = true;
      body.destroy();
      reject(new BodyReadError(Buffer.concat(chunks), error instanceof ResponseTooLargeError, error));
    };
    body.on('data', (chunk: Buffer) => {
      if (settled) return;
      if (received + chunk.length > maxBytes) {
        chunks.push(chunk.subarray(0, maxBytes - received));
        fail(new ResponseTooLargeError(maxBytes));
        return;
      }
      chunks.push(chunk);
      received += chunk.length;
    });
    finished(body, (error) => {
      if (error) fail(error);
      else if (!settled) {
        settled = true;
        resolve(Buffer.concat(chunks, received));
      }
    });
  });
}
