/**
 * The record of one request and its answer, as every report keeps it (report.json `exchanges`),
 * with the reasons a request can fail without an answer.
 */
export const HTTP_FAILURE_REASONS = [
  'timeout',
  'unreachable',
  'tooLarge',
  'hostNotAllowed',
  'addressNotAllowed',
  'tooManyRedirects',
  'connectionReset',
  'protocol',
  'tls',
  'aborted',
  /** A replay (konform replay) found no answer to the request in the recording. */
  'notRecorded',
] as const;
export type HttpFailureReason = (typeof HTTP_FAILURE_REASONS)[number];


/** One recorded request and what came of it, secrets redacted. */
export interface Exchange {
  id: string;
  startedAt: string;
  durationMs: number;
  request: {
    method: string;
    url: string;
    headers: Record<string, string>;
    bodyExcerpt?: string;
  };
  /** Redirects followed before the final response, in order. */
  redirects?: Array<{ status: number; location: string }>;
  /**
   * Requests sent once more on a new connection: the server closed the kept-alive connection
   * they went out on before answering (RFC 9110 §9.2.2, idempotent methods only). `message`
   * says how the first attempt ended.
   */
  retried?: Array<{ url: string; message: string }>;
  response?: {
    status: number;
    url: string;
    headers: Record<string, string | string[]>;
    /** The content codings the body was decoded from (RFC 9110 §8.4), e.g. "gzip"; excerpt and bytes are of the decoded body. */
    contentCoding?: string;
    bodyExcerpt: string;
    /** Bytes received (up to the limit), decoded. */
    bodyBytes: number;
    /** True when the excerpt is shorter than the body, or the body was cut at the size limit. */
    truncated: boolean;
  };
  error?: { reason: HttpFailureReason; message: string };
}
