/**
 * Fuzzed message files: mutations of a valid XRechnung invoice (message-mutations.ts), a batch
 * per case, validated with xrechnung-3.0 through the library entry point as `konform validate`
 * does. The run ends and writes valid outputs; every finding names its file; a file that is
 * not well-formed passes no check; the same document in another encoding or with an internal
 * entity is judged as the original; what is cut, wrongly encoded, nested too deep, bombed or
 * external is never accepted; nothing external is ever loaded; memory does not grow with the cases.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { listenOnLoopback } from '../../fixtures/hostile/listen.js';
import { XRECHNUNG_TESTSUITE } from '../../fixtures/xrechnung/instances.js';
import type { Outcome } from '../../src/model/outcome.js';
import type { Report } from '../../src/model/report.js';
import { run } from '../../src/run/run.js';
import { MAX_DEPTH } from '../../src/xml/limits.js';
import { fuzzProperty } from './fuzz-settings.js';
import { mutatedMessages, type Canary, type MutatedMessage } from './message-mutations.js';
import { expectValidOutputs, withinGuard } from './properties.js';

const INVOICE = join(XRECHNUNG_TESTSUITE, 'business-cases', 'standard', '01.02a-INVOICE_ubl.xml');
/** Above konform's own deadline for a Schematron batch (two minutes and a second a file). */
const GUARD_MS = 180_000;
/** An expansion beyond this is far past libxml2's amplification limit for a file of a few kB. */
const SURELY_REFUSED_CHARS = 10_000_000;

type Outcomes = Record<string, Outcome>;

const outcomesOf = (report: Report, file: string): Outcomes =>
  Object.fromEntries(report.results.filter((result) => result.subject?.id === file).map((result) => [result.check, result.outcome]));
const accepted = (outcomes: Outcomes) => Object.values(outcomes).every((outcome) => outcome === 'passed' || outcome === 'inapplicable');
const findingCodes = (report: Report, file: string, check: string) =>
  report.results.filter((result) => result.subject?.id === file && result.check === check).flatMap((result) => result.findings.map((finding) => finding.code));

/** A secret in a local file and behind a loopback server, that an external entity could load. */
const CANARY_SECRET = `konform-canary-${randomBytes(8).toString('hex')}`;
let canaryRequests = 0;
const scratch = await mkdtemp(join(tmpdir(), 'konform-fuzz-messages-'));
await writeFile(join(scratch, 'canary.txt'), CANARY_SECRET);
const canaryServer = await listenOnLoopback(
  createServer((_request, response) => {
    canaryRequests += 1;
    response.end(CANARY_SECRET);
  }),
);
const canary: Canary = { fileUri: pathToFileURL(join(scratch, 'canary.txt')).href, relativeUri: 'canary.txt', url: `${canaryServer.url}/canary` };
const original = await readFile(INVOICE, 'utf8');
let originalOutcomes: Outcomes;

beforeAll(async () => {
  const report = await run({ suite: 'xrechnung-3.0', target: { files: [INVOICE] } });
  expect(report.verdict).toBe('conformant');
  originalOutcomes = outcomesOf(report, INVOICE);
});
afterAll(async () => {
  await canaryServer.close();
  await rm(scratch, { recursive: true, force: true });
});

/** What must hold of one mutated file in the report of its batch. */
function expectJudged(report: Report, file: string, { mutation, expect: expectation }: MutatedMessage): void {
  const outcomes = outcomesOf(report, file);
  const about = `${mutation} (${file})`;
  expect(outcomes['well-formed'], about).toBeDefined();
  // Every finding on the file names it, but the note of a check that does not apply.
  const judged = report.results.filter((result) => result.subject?.id === file && result.outcome !== 'inapplicable');
  const unlocated = judged.flatMap((result) => result.findings.filter((finding) => finding.location?.file !== file).map((finding) => `${result.check}: ${finding.code}`));
  expect(unlocated, about).toEqual([]);
  // A file konform could not parse is a file none of whose checks examined it.
  if (outcomes['well-formed'] !== 'passed') expect(Object.values(outcomes).filter((outcome) => outcome === 'passed'), about).toEqual([]);
  switch (expectation.kind) {
    case 'as-original':
      return void expect(outcomes, about).toEqual(originalOutcomes);
    case 'not-well-formed':
      return void expect(outcomes['well-formed'], about).toBe('failed');
    case 'not-accepted':
      return void expect(accepted(outcomes), about).toBe(false);
    case 'depth':
      expect(findingCodes(report, file, 'well-formed').includes('too-deep'), `${about}: depth ${expectation.depth}`).toBe(expectation.depth > MAX_DEPTH);
      return void expect(accepted(outcomes), about).toBe(false);
    case 'external':
      if (expectation.referenced) expect(accepted(outcomes), about).toBe(false);
      return;
    case 'expansion':
      if (expectation.chars <= SURELY_REFUSED_CHARS) return;
      expect(findingCodes(report, file, 'well-formed'), `${about}: ${expectation.chars} characters`).toContain('entity-expansion-refused');
      return void expect(accepted(outcomes), about).toBe(false);
    case 'any':
      return;
  }
}

describe('fuzzed message files (xrechnung-3.0)', () => {
  let batch = 0;
  fuzzProperty(
    'end with valid outputs; locate every finding, pass nothing unparsed, judge re-encodings as the original, accept nothing broken, load nothing external',
    { short: 4, long: 200, caseMs: GUARD_MS, rssGrowthBytes: 512 * 2 ** 20 },
    fc.array(mutatedMessages(original, canary), { minLength: 1, maxLength: 8 }),
    async (messages) => {
      batch += 1;
      const files = messages.map(({ mutation }, index) => join(scratch, `${batch}-${index}-${mutation}.xml`));
      await Promise.all(messages.map((message, index) => writeFile(files[index] as string, message.bytes)));
      const out = join(scratch, `out-${batch}`);
      try {
        const report = await withinGuard('konform validate', GUARD_MS, run({ suite: 'xrechnung-3.0', target: { files }, out }));
        const outputs = await expectValidOutputs(report, out);
        messages.forEach((message, index) => expectJudged(report, files[index] as string, message));
        expect(Object.values(outputs).join('\n')).not.toContain(CANARY_SECRET);
        expect(canaryRequests).toBe(0);
      } finally {
        await Promise.all([...files, out].map((path) => rm(path, { recursive: true, force: true })));
      }
    },
  );
});
