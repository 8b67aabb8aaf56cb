/**
 * oparl-1.1 against servers with nothing to examine: one answers every GET with an empty JSON
 * object (the entry is a System without content, the crawl meets nothing else), one answers 404
 * to everything. Requirements about what the server never showed are not passed.
 */
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/run/run.js';
import type { Report } from '../../src/model/report.js';

async function reportOf(listener: RequestListener): Promise<Report> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    return await run({ suite: 'oparl-1.1', profile: 'without-https', target: { url }, limits: { ratePerHost: 0 } });
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

const outcomesOf = (report: Report, ids: readonly string[]) => {
  const outcomes = new Map(report.requirements.map((requirement) => [requirement.id, requirement.outcome]));
  return Object.fromEntries(ids.map((id) => [id, outcomes.get(id)]));
};

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
  'OPARL-OBJ-REFERENCES',
  'OPARL-OBJ-BACKREFERENCE',
];

describe('a server that answers every GET with {}', () => {
  it('fails the System without content and passes no requirement about what it never showed', async () => {
    const report = await reportOf((_request, response) => response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end('{}'));
    expect(report.verdict).toBe('notConformant');
    expect(report.results.find((result) => result.id === 'object-schema/System')?.outcome).toBe('failed');
    expect(outcomesOf(report, NOTHING_OF_THE_KIND)).toEqual(Object.fromEntries(NOTHING_OF_THE_KIND.map((id) => [id, 'inapplicable'])));
  });
});

describe('a server that answers 404 to everything', () => {
  it('fails the entry point and does not pass retrieval or stateless access', async () => {
    const report = await reportOf((_request, response) => response.writeHead(404, { 'content-type': 'application/json' }).end('{}'));
    expect(report.verdict).toBe('notConformant');
    expect(outcomesOf(report, ['OPARL-SYS-ENDPOINT'])).toEqual({ 'OPARL-SYS-ENDPOINT': 'failed' });
    expect(Object.values(outcomesOf(report, ['OPARL-OBJ-RETRIEVABLE', 'OPARL-URL-STATELESS']))).not.toContain('passed');
  });
});
