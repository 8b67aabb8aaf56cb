/**
 * The HAR 1.2 schema (src/replay/har.schema.json, written from the text of the spec, which has
 * no official schema): a valid JSON Schema 2020-12 that takes the spec's own examples, put
 * together into one log, and refuses what the spec rules out. konform's custom fields have a
 * schema of their own, whose failure reasons are the report's.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { HTTP_FAILURE_REASONS } from '../../src/model/exchange.js';
import harSchema from '../../src/replay/har.schema.json' with { type: 'json' };
import konformSchema from '../../src/replay/konform-har.schema.json' with { type: 'json' };

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
addFormatsPlugin.default(ajv);
const validate = ajv.compile(harSchema);

/** The examples of the spec's sections (http://www.softwareishard.com/blog/har-12-spec/), as one log. */
function specExamples() {
  return {
    log: {
      version: '1.2',
      creator: { name: 'Firebug', version: '1.6', comment: '' },
      browser: { name: 'Firefox', version: '3.6', comment: '' },
      pages: [{ startedDateTime: '2009-04-16T12:07:25.123+01:00', id: 'page_0', title: 'Test Page', pageTimings: { onContentLoad: 1720, onLoad: 2500, comment: '' }, comment: '' }],
      entries: [
        {
          pageref: 'page_0',
          startedDateTime: '2009-04-16T12:07:23.596Z',
          time: 50,
          request: {
            method: 'GET', url: 'http://www.example.com/path/?param=value', httpVersion: 'HTTP/1.1',
            cookies: [{ name: 'TestCookie', value: 'Cookie Value', path: '/', domain: 'www.janodvarko.cz', expires: '2009-07-24T19:20:30.123+02:00', httpOnly: false, secure: false, comment: '' }],
            headers: [{ name: 'Accept-Encoding', value: 'gzip,deflate', comment: '' }, { name: 'Accept-Language', value: 'en-us,en;q=0.5', comment: '' }],
            queryString: [{ name: 'param1', value: 'value1', comment: '' }, { name: 'param1', value: 'value1', comment: '' }],
            postData: { mimeType: 'multipart/form-data', params: [{ name: 'paramName', value: 'paramValue', fileName: 'example.pdf', contentType: 'application/pdf', comment: '' }], comment: '' },
            headersSize: 150, bodySize: 0, comment: '',
          },
          response: {
            status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', cookies: [], headers: [],
            content: { size: 33, compression: 0, mimeType: 'text/html; charset=utf-8', text: 'PGh0bWw+PGhlYWQ+PC9oZWFkPjxib2R5Lz48L2h0bWw+XG4=', encoding: 'base64', comment: '' },
            redirectURL: '', headersSize: 160, bodySize: 850, comment: '',
          },
          cache: { beforeRequest: null, afterRequest: { expires: '2009-04-16T15:50:36', lastAccess: '2009-16-02T15:50:34', eTag: '', hitCount: 0, comment: '' }, comment: '' },
          timings: { blocked: 0, dns: -1, connect: 15, send: 20, wait: 38, receive: 12, ssl: -1, comment: '' },
          serverIPAddress: '10.0.0.1',
          connection: '52492',
          comment: '',
        },
      ],
      comment: '',
    },
  };
}

type Example = ReturnType<typeof specExamples>;

function refused(change: (har: Example) => void): boolean {
  const har = specExamples();
  change(har);
  return !validate(har);
}

describe('the HAR 1.2 schema', () => {
  it('is a valid JSON Schema 2020-12, and so is that of konform’s custom fields', () => {
    const meta = new Ajv2020({ strict: false });
    for (const schema of [harSchema, konformSchema]) {
      meta.validateSchema(schema);
      expect(meta.errors ?? []).toEqual([]);
    }
  });

  it("takes the spec's examples", () => {
    expect(validate(specExamples()), JSON.stringify(validate.errors)).toBe(true);
  });

  it('refuses what the spec rules out', () => {
    const entry = (har: Example) => har.log.entries[0] as Record<string, unknown> & Example['log']['entries'][number];
    expect(refused((har) => delete (entry(har).timings as Partial<Example['log']['entries'][number]['timings']>).send)).toBe(true);
    expect(refused((har) => (entry(har).timings.wait = -1))).toBe(true);
    expect(refused((har) => Object.assign(entry(har).request.postData, { text: 'both' }))).toBe(true);
    expect(refused((har) => delete (har.log as Partial<Example['log']>).creator)).toBe(true);
    expect(refused((har) => (entry(har)['fromCache'] = true))).toBe(true);
    expect(refused((har) => (entry(har)['_fromCache'] = true))).toBe(false);
  });

  it("names in konform's custom fields the failure reasons of the report", () => {
    const reasons = konformSchema.$defs.entry.properties._konform.properties.error.properties.reason.enum;
    expect(reasons).toEqual([...HTTP_FAILURE_REASONS]);
  });
});
