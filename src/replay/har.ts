/**
 * The HTTP Archive format 1.2 (http://www.softwareishard.com/blog/har-12-spec/), as far as
 * konform writes and reads it, with konform's custom fields (the spec's "Custom Fields": names
 * starting with an underscore, read only from files konform wrote).
 */
import type { HttpFailureReason } from '../model/exchange.js';
import type { RecordedRun } from './recorded-run.js';

/** The file a recording run writes into its output folder. */
export const RECORDING_FILE = 'exchanges.har';

/** `creator.name` of the HARs konform writes; their `_konform` fields are read only then. */
export const CREATOR_NAME = 'konform';

export interface HarNameValue {
  name: string;
  value: string;
}

/** `content` of a response, `postData` of a request: decoded text, or base64 for bytes that are no UTF-8. */
export interface HarBody {
  text: string;
  encoding?: 'base64';
}

export interface HarEntry {
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    cookies: HarNameValue[];
    headers: HarNameValue[];
    queryString: HarNameValue[];
    postData?: { mimeType: string; text: string; _encoding?: 'base64' };
    headersSize: number;
    bodySize: number;
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    cookies: HarNameValue[];
    headers: HarNameValue[];
    content: { size: number; mimeType: string; text?: string; encoding?: string; comment?: string };
    redirectURL: string;
    headersSize: number;
    bodySize: number;
    comment?: string;
  };
  cache: Record<string, never>;
  timings: { send: number; wait: number; receive: number };
  comment?: string;
  _konform?: KonformEntryFields;
}

/** What konform adds to an entry: the exchange of the report it belongs to, and how it ended. */
export interface KonformEntryFields {
  /** The ID of the exchange (report.json `exchanges`) the hop was part of. */
  exchange: string;
  /** The body was cut at the size limit: `content` holds what came up to it. */
  cut?: true;
  /** The body is left out: it holds a secret that could not be replaced in it (har-body.ts). */
  withheld?: true;
  /** The request got no whole answer: why, as the exchange records it. */
  error?: { reason: HttpFailureReason; message: string };
  /** With this failure the host stopped answering: konform sent it nothing more (report.json `stoppedHosts`). */
  stopped?: { host: string; message: string };
}

export interface Har {
  log: {
    version: '1.2';
    creator: { name: string; version: string };
    comment?: string;
    entries: HarEntry[];
    _konform?: { run: RecordedRun };
  };
}
