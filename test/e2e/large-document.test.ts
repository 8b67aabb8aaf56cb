/**
 * A run of a document with 10 000 operations can be interrupted while konform still loads the
 * document and finds the subjects of its checks: that work gives the event loop its turn
 * again and again, so the abort (Ctrl-C) is heard while it goes on, and it stops there: the
 * document is not loaded to its end, no check runs and no request is sent. How long it takes
 * is the bench's business (bench/large-document.ts).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { answer, largeOpenApiDocument } from '../../fixtures/large-openapi/document.js';
import { createHttpClient } from '../../src/http/client.js';
import { DEFAULT_LIMITS } from '../../src/http/types.js';
import type { Exchange } from '../../src/model/exchange.js';
import type { Target } from '../../src/model/types.js';
import { createCheckContext } from '../../src/run/context.js';
import { executePlan } from '../../src/run/execute.js';
import { loadSuite } from '../../src/run/load-suite.js';
import { planRun, selectProfile } from '../../src/run/plan.js';
import { startServer } from '../openapi/support.js';

const OPERATIONS = 10_000;
/** Turns of the event loop after the document began to load, before the abort. */
const TURNS_BEFORE_ABORT = 10;

const scratch = await mkdtemp(join(tmpdir(), 'konform-large-document-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** Calls `abort` at the TURNS_BEFORE_ABORT-th turn of the event loop once `started` says so. */
function abortAfterTurns(started: () => boolean, abort: () => void): void {
  let turns = 0;
  const poll = () => {
    if (started() && ++turns === TURNS_BEFORE_ABORT) return abort();
    setImmediate(poll);
  };
  setImmediate(poll);
}

describe(`a document with ${OPERATIONS} operations`, () => {
  it('is interrupted while it loads: the load stops there, no check runs, no request is sent', async () => {
    const spec = join(scratch, 'openapi.json');
    await writeFile(spec, largeOpenApiDocument(OPERATIONS));
    let requests = 0;
    const server = await startServer((request, response) => {
      requests += 1;
      answer(request, response);
    });
    const host = new URL(server.url).host;
    const target: Target = { url: server.url, spec, allowedHosts: [host], allowUnsafe: false };
    const { suite, standard } = await loadSuite('openapi-contract');
    const plan = planRun(suite, selectProfile(suite, undefined), target);
    const controller = new AbortController();
    const exchanges: Exchange[] = [];
    const http = createHttpClient({
      allowedHosts: [host],
      limits: { ...DEFAULT_LIMITS, ratePerHost: 0 },
      record: (exchange) => exchanges.push(exchange),
      signal: controller.signal,
      userAgent: 'konform-test',
    });
    const { context, dispose } = createCheckContext({ target, standard, http, signal: controller.signal, runSuite: () => Promise.reject(new Error('none')) });
    let load: 'not begun' | 'loading' | 'loaded' | 'stopped' = 'not begun';
    const memo = context.memo;
    context.memo = (key, compute) =>
      memo(key, () => {
        const computed = compute();
        if (key.startsWith('openapi:document:')) {
          load = 'loading';
          computed.then(() => (load = 'loaded'), () => (load = 'stopped'));
        }
        return computed;
      });
    let loadAtAbort = load;
    let turnAfterAbort = false;
    abortAfterTurns(
      () => load !== 'not begun',
      () => {
        loadAtAbort = load;
        controller.abort('SIGINT');
        setImmediate(() => (turnAfterAbort = true));
      },
    );
    try {
      const results = await executePlan(plan, context, { concurrency: 8 });
      expect(loadAtAbort).toBe('loading');
      expect(load).toBe('stopped');
      expect(turnAfterAbort).toBe(true);
      expect(requests).toBe(0);
      expect(exchanges).toEqual([]);
      expect(results.map((result) => [result.check, result.outcome])).toEqual(plan.map(({ check }) => [check.id, 'untested']));
    } finally {
      await Promise.all([http.close(), dispose(), server.close()]);
    }
  });
});
