/**
 * What the fuzzing server's log says a client can have read, stated generously so that a
 * property built on it never blames konform wrongly: every JSON value any reading of an
 * answer gives — the whole body or the part its Content-Length declared or that was written
 * before the connection ended, as sent or decoded in any content coding, read as UTF-8
 * (lossily) or Latin-1, with or without a byte order mark.
 */
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import type { Answered } from '../../fixtures/fuzz/server.js';
import { FUZZ_LIMITS } from './fuzz-target.js';

/** Twice the size limit of the fuzzed runs (fuzz-target.ts): konform never parses a larger body whole. */
const READ_LIMIT = 2 * FUZZ_LIMITS.maxResponseBytes;
const DECODERS = [gunzipSync, inflateSync, inflateRawSync, brotliDecompressSync];

function readings(entry: Answered): Buffer[] {
  const { answer, body, bytesWritten } = entry;
  const padding = answer.padding ?? 0;
  if (body.length + padding > READ_LIMIT) return [];
  const whole = Buffer.concat([body, Buffer.alloc(padding, 'x')]);
  const declared = typeof answer.framing === 'object' ? [whole.subarray(0, answer.framing.declaredLength)] : [];
  const raw = [whole, whole.subarray(0, bytesWritten), ...declared];
  const decoded = raw.flatMap((bytes) =>
    DECODERS.flatMap((decode) => {
      try {
        return [decode(bytes, { maxOutputLength: READ_LIMIT })];
      } catch {
        return [];
      }
    }),
  );
  return [...raw, ...decoded];
}

function parsed(text: string): unknown[] {
  try {
    return [JSON.parse(text.replace(/^\uFEFF/, ''))];
  } catch {
    return [];
  }
}

/** Every JSON value the answer may have given a client. */
export function jsonOf(entry: Answered): unknown[] {
  return readings(entry).flatMap((bytes) => [...parsed(bytes.toString('utf8')), ...parsed(bytes.toString('latin1'))]);
}

/** Every JSON object at any depth of `value`. */
export function objectsIn(value: unknown): Array<Record<string, unknown>> {
  if (Array.isArray(value)) return value.flatMap(objectsIn);
  if (value === null || typeof value !== 'object') return [];
  return [value as Record<string, unknown>, ...Object.values(value).flatMap(objectsIn)];
}

export const isSuccess = (entry: Answered): boolean => entry.answer.status >= 200 && entry.answer.status < 300;
