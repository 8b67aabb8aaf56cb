/**
 * oparl-1.1 against a server that answers every GET with an empty JSON object: the entry is a
 * System without content, and the crawl meets nothing else. Requirements about object types,
 * deleted objects or internal objects the server never showed are inapplicable, not passed.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { run } from '../../src/core/run.js';
import type { Report } from '../../src/report/model.js';

const NOTHING_OF_THE_KIND = [
  'OPARL-FILE-ACCESS-URL',
  'OPARL-FILE-DOWNLOAD-URL',
  'OPARL-FILE-NAME-NO-EXTENSION',
  'OPARL-PERSON-LOCATION-OBJECT',
  'OPARL-PERSON-LIFE-SHORT',
  'OPARL-PERSON-LIFE-SOURCE',
  'OPARL-MEETING-STATE',
  'OPARL-DEL-FLAG',
  'OPARL-DEL-KEEP',
  'OPARL-DEL-STATUS',
  'OPARL-LIST-DELETED-HIDDEN',
  'OPARL-LIST-DELETED-MODIFIED-SINCE',
  'OPARL-LIST-INTERNAL-NOT-DELETED',
  'OPARL-OBJ-INTERNAL-CREATED-MODIFIED',
  'OPARL-OBJ-INTERNAL-BACKREFERENCE',
];

let server: Server;
let report: Report;
beforeAll(async () => {
  server = createServer((_request, response) => response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end('{}'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  report = await run({ suite: 'oparl-1.1', profile: 'without-https', target: { url }, limits: { ratePerHost: 0 } });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

it('finds the System without content broken', () => {
  expect(report.verdict).toBe('notConformant');
  expect(report.results.find((result) => result.id === 'object-schema/System')?.outcome).toBe('failed');
});

it('passes no requirement about what the server never showed', () => {
  const outcomes = Object.fromEntries(report.requirements.map((requirement) => [requirement.id, requirement.outcome]));
  expect(Object.fromEntries(NOTHING_OF_THE_KIND.map((id) => [id, outcomes[id]]))).toEqual(Object.fromEntries(NOTHING_OF_THE_KIND.map((id) => [id, 'inapplicable'])));
});
