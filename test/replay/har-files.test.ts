/**
 * Reading a recording: a malformed one is refused with exit 2, saying what is wrong and where (the
 * line and column of a JSON syntax error, the JSON pointer of a field); a HAR konform did not
 * write is read without its custom fields, and needs the suite and target given.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/http/types.js';
import { ERROR_CODES, KonformError } from '../../src/model/errors.js';
import type { Har, HarEntry } from '../../src/replay/har.js';
import { readRecording } from '../../src/replay/har-reader.js';
import { runCli } from '../helpers/cli.js';

const scratch = await mkdtemp(join(tmpdir(), 'konform-replay-files-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));
let files = 0;

function entry(): HarEntry {
  return {
    startedDateTime: '2025-03-01T10:00:00.000Z',
    time: 12.5,
    request: {
      method: 'GET', url: 'http://127.0.0.1:9/items', httpVersion: 'HTTP/1.1', cookies: [],
      headers: [{ name: 'accept', value: 'application/json' }], queryString: [], headersSize: -1, bodySize: 0,
    },
    response: {
      status: 200, statusText: '', httpVersion: 'HTTP/1.1', cookies: [], headers: [{ name: 'content-type', value: 'application/json' }],
      content: { size: 2, mimeType: 'application/json', text: '[]' }, redirectURL: '', headersSize: -1, bodySize: 2,
    },
    cache: {},
    timings: { send: 0, wait: 12.5, receive: 0 },
    _konform: { exchange: 'x0123456789ab' },
  };
}

/** A recording as konform writes it, of a run against http://127.0.0.1:9. */
function konformHar(): Har {
  const run = { suite: 'oparl-1.1', profile: 'without-https', target: { url: 'http://127.0.0.1:9/', allowedHosts: ['127.0.0.1:9'], allowUnsafe: false }, limits: DEFAULT_LIMITS, auth: [] };
  return { log: { version: '1.2', creator: { name: 'konform', version: '0.1.0' }, _konform: { run }, entries: [entry(), entry()] } };
}

async function written(text: string): Promise<string> {
  const path = join(scratch, `recording-${++files}.har`);
  await writeFile(path, text);
  return path;
}

async function refusal(har: unknown): Promise<KonformError> {
  const path = await written(JSON.stringify(har, null, 2));
  const error = await readRecording(path).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(KonformError);
  expect((error as KonformError).code).toBe(ERROR_CODES.RECORDING_INVALID);
  return error as KonformError;
}

describe('a malformed recording', () => {
  it('that is no JSON is refused with the line and column of the error', async () => {
    const path = await written('{\n  "log": {\n    "version": "1.2",\n    "entries": [}\n');
    const cli = await runCli(['replay', path, '--out', join(scratch, 'not-json')]);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain(`${ERROR_CODES.RECORDING_INVALID}: ${path}:4:17: the recording is not JSON`);
  });

  it('with a field of the wrong type is refused with its JSON pointer, through the CLI with exit 2', async () => {
    const har = konformHar() as unknown as { log: { entries: Array<{ response: { status: unknown } }> } };
    har.log.entries[1]!.response.status = '200';
    const path = await written(JSON.stringify(har));
    const cli = await runCli(['replay', path, '--out', join(scratch, 'wrong-type')]);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain(`${path} at /log/entries/1/response/status: the recording is no HAR 1.2 log:`);
    expect(cli.stderr).toContain('/log/entries/1/response/status: must be integer');
  });

  it('without a field HAR 1.2 requires, or with one it does not know, is refused with where', async () => {
    const without = konformHar() as unknown as { log: { entries: Array<Record<string, unknown>> } };
    delete without.log.entries[0]!['timings'];
    expect((await refusal(without)).message).toContain("/log/entries/0: must have required property 'timings'");
    const unknown = konformHar() as unknown as { log: { entries: Array<{ request: Record<string, unknown> }> } };
    unknown.log.entries[0]!.request['cookie'] = 'a=1';
    expect((await refusal(unknown)).message).toContain('/log/entries/0/request: must NOT have additional properties (cookie)');
    // Custom fields start with an underscore (HAR 1.2, "Custom Fields").
    const custom = konformHar() as unknown as { log: { entries: Array<{ request: Record<string, unknown> }> } };
    custom.log.entries[0]!.request['_priority'] = 'High';
    expect((await readRecording(await written(JSON.stringify(custom)))).entries).toHaveLength(2);
  });

  it('of another major version of HAR is refused', async () => {
    const har = konformHar();
    (har.log as { version: string }).version = '2.0';
    const error = await refusal(har);
    expect([error.message, error.location?.pointer]).toEqual(['the recording is HAR version "2.0", not 1.x', '/log/version']);
  });

  it('written by konform without what konform writes of its run and entries is refused', async () => {
    const har = konformHar();
    delete har.log._konform;
    delete har.log.entries[1]!._konform;
    const message = (await refusal(har)).message;
    expect(message).toContain("/log: must have required property '_konform'");
    expect(message).toContain("/log/entries/1: must have required property '_konform'");
  });
});

describe('a recording konform did not write', () => {
  it('is read without its custom fields', async () => {
    const har = konformHar();
    har.log.creator = { name: 'Firefox', version: '140.0' };
    delete har.log._konform;
    (har.log.entries[0] as unknown as Record<string, unknown>)['_konform'] = 'not konform\'s';
    const recording = await readRecording(await written(JSON.stringify(har)));
    expect([recording.byKonform, recording.run]).toEqual([false, undefined]);
  });

  it('needs the suite and target given: it does not say how its run was made', async () => {
    const har = konformHar();
    har.log.creator = { name: 'Firefox', version: '140.0' };
    delete har.log._konform;
    const path = await written(JSON.stringify(har));
    const cli = await runCli(['replay', path, '--out', join(scratch, 'foreign')]);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain('was not written by konform and does not say how its run was made: give --suite and --target');
  });
});

describe('the recording given', () => {
  it('as a folder without exchanges.har is refused with exit 2', async () => {
    const folder = join(scratch, 'empty-folder');
    await mkdir(folder);
    const cli = await runCli(['replay', folder, '--out', join(scratch, 'none')]);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain(`cannot read the recording ${join(folder, 'exchanges.har')}`);
  });
});
