/**
 * Answers the hops of a replay from a recording, without any network: below it, everything of a
 * run stays as it is (redirects, rate limits, credentials and OAuth2 token requests, the
 * recording of exchanges, the checks). A request is answered by the recorded entry that shows
 * the same request — method, URL, header fields but those konform sets on every request, body,
 * all as the recording shows them, redacted — and repeated identical requests by their entries
 * in recorded order. The recorded outcome is given as it was: a timeout stays a timeout, a body
 * cut at the size limit stays cut, whatever the clock or limits of the replay. So are the
 * decisions of the circuit breaker, which depend on the order answers come in: a request the
 * run did not send to a host that had stopped answering is refused as recorded, and the host
 * stops where the recording says. A request the recording holds no answer to fails as
 * `notRecorded`: what depended on it is not judged.
 */
import { contentCodingOf } from '../http/content-coding.js';
import { HopFailure, type HopResponse, type HopTransport } from '../http/hop.js';
import { createRedactor } from '../http/redaction.js';
import type { AuthConfig } from '../http/types.js';
import type { HarEntry } from './har.js';
import { bytesOf } from './har-body.js';
import { harRequestOf } from './har-entry.js';
import type { Recording } from './har-reader.js';

/** Fields konform sets on every request, whatever the check: they name konform, not the request. */
const SET_ON_EVERY_REQUEST: ReadonlySet<string> = new Set(['user-agent', 'accept-encoding']);

/** What identifies a request in a recording. */
export function requestKey(request: HarEntry['request']): string {
  const fields = request.headers
    .map(({ name, value }) => [name.toLowerCase(), value] as const)
    .filter(([name]) => !SET_ON_EVERY_REQUEST.has(name))
    .map(([name, value]) => `${name}: ${value}`)
    .sort();
  const body = request.postData ? [request.postData._encoding ?? 'text', request.postData.text] : [];
  return JSON.stringify([request.method.toUpperCase(), request.url, fields, body]);
}

/** Header fields as undici gives them: names in lower case, a repeated field as an array. */
function headersOf(entry: HarEntry): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  for (const { name, value } of entry.response.headers) {
    const key = name.toLowerCase();
    const before = headers[key];
    headers[key] = before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value];
  }
  return headers;
}

const notRecorded = (what: string): HopFailure => new HopFailure('notRecorded', what);

/** The recorded answer: the response, or the failure as it happened, with what had arrived. */
function answerOf(entry: HarEntry, byKonform: boolean, keptWhenCut: number): HopResponse {
  const marks = byKonform ? entry._konform : undefined;
  const { response } = entry;
  if (response.status === 0) throw marks?.error ? new HopFailure(marks.error.reason, marks.error.message) : notRecorded('the recording holds no response to this request');
  const { content } = response;
  const readable = content.encoding === undefined || content.encoding === 'base64';
  if (marks?.withheld || !readable || (content.text === undefined && content.size > 0)) throw notRecorded('the recording holds the answer to this request without its body');
  const headers = headersOf(entry);
  const body = bytesOf({ text: content.text ?? '', ...(content.encoding ? { encoding: 'base64' as const } : {}) });
  const answer: HopResponse = {
    status: response.status,
    headers,
    body,
    bytes: marks?.cut ? content.size : body.length,
    cut: marks?.cut === true,
    contentCoding: contentCodingOf(headers['content-encoding']),
    answeredAt: Date.parse(entry.startedDateTime) + entry.time,
  };
  if (marks?.cut) throw new HopFailure('tooLarge', marks.error?.message ?? 'response body exceeds the size limit', { ...answer, body: body.subarray(0, keptWhenCut) });
  if (marks?.error) throw new HopFailure(marks.error.reason, marks.error.message, answer);
  return answer;
}

/** `auth`: the credentials the replay sends (recorded-run.ts standInAuth), so that its requests are redacted as the recorded ones. */
export function replayTransport(recording: Recording, auth: readonly AuthConfig[]): HopTransport {
  const redactor = createRedactor(auth);
  const answers = new Map<string, HarEntry[]>();
  for (const entry of recording.entries) {
    const key = requestKey(entry.request);
    const queue = answers.get(key);
    if (queue) queue.push(entry);
    else answers.set(key, [entry]);
  }
  let stopHost: ((host: string, message: string) => void) | undefined;
  return {
    async send(hop, limits, run) {
      if (run?.aborted) throw new HopFailure('aborted', 'the run was aborted');
      const entry = answers.get(requestKey(harRequestOf(hop, redactor)))?.shift();
      if (!entry) throw notRecorded('the recording holds no answer to this request');
      const stopped = recording.byKonform ? entry._konform?.stopped : undefined;
      if (stopped) stopHost?.(stopped.host, stopped.message);
      return answerOf(entry, recording.byKonform, limits.keptWhenCut);
    },
    breaker(onOpen) {
      stopHost = onOpen;
      return { refusal: () => undefined, answered() {}, failed() {} };
    },
  };
}
