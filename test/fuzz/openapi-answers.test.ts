/**
 * openapi-contract against the fuzzing server (fixtures/fuzz/server.ts) standing in for the API
 * of fixtures/fuzz/openapi.yaml, answering with generated answers (http-answers.ts). The run
 * ends within a guard far above its deadlines and writes valid outputs; a check passes only on
 * an answer that shows it: an operation's answer checks on a success (2xx) to it, the body
 * schema on a success that could be read as JSON, no-server-error on a status below 500, a
 * refusal on a 4xx (404 or 410 for an undocumented path; 404, 405 or 501 for an undocumented method);
 * memory does not grow with the cases.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect } from 'vitest';
import type { Answered } from '../../fixtures/fuzz/server.js';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';
import { isSuccess, jsonOf } from './answered.js';
import { fuzzProperty } from './fuzz-settings.js';
import { GUARD_MS, startFuzzTarget } from './fuzz-target.js';
import { answersArbitrary, linkArbitrary } from './http-answers.js';

const SPEC = join(PACKAGE_ROOT, 'fixtures', 'fuzz', 'openapi.yaml');
/** The paths of the operations of the document, any value of the path parameter, by operationId and by path template. */
const OPERATIONS: Record<string, RegExp> = { listItems: /^\/items(\?.*)?$/, getItem: /^\/items\/[^/?]+(\?.*)?$/ };
const PATHS: Record<string, RegExp> = { '/items': OPERATIONS.listItems as RegExp, '/items/{id}': OPERATIONS.getItem as RegExp };
/** The checks of the answer to an operation's valid request (README: a non-2xx answer leaves them cantTell). */
const ANSWER_CHECKS = ['status-documented', 'content-type-documented', 'body-schema', 'required-headers'];

const item = fc.record(
  { id: fc.oneof(fc.integer(), fc.string({ maxLength: 4 })), name: fc.oneof(fc.string({ maxLength: 8 }), fc.constant(null)), tags: fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 2 }), link: linkArbitrary },
  { requiredKeys: [] },
);
const itemJson = fc.oneof(item, fc.array(item, { maxLength: 3 }), fc.jsonValue({ maxDepth: 2 }));

const target = await startFuzzTarget();
afterAll(() => target.close());

/** Whether some request of `method` to `path` was answered with a status `status` accepts. */
const answered = (log: readonly Answered[], method: (method: string) => boolean, path: RegExp, status: (status: number) => boolean) =>
  log.some((entry) => method(entry.method) && path.test(entry.target) && status(entry.answer.status));

/** A success to the operation's path, or a redirect from it when some success was given at all. */
function succeeded(log: readonly Answered[], path: RegExp): boolean {
  const toOperation = log.filter((entry) => entry.method === 'GET' && path.test(entry.target));
  const redirected = toOperation.some((entry) => entry.answer.status >= 300 && entry.answer.status < 400 && entry.answer.headers.some(([name]) => name.toLowerCase() === 'location'));
  return toOperation.some(isSuccess) || (redirected && log.some(isSuccess));
}

describe('openapi-contract against fuzzed answers', () => {
  fuzzProperty(
    'ends with valid outputs and passes a check only on an answer that shows it',
    { short: 20, long: 500, caseMs: GUARD_MS, rssGrowthBytes: 256 * 2 ** 20 },
    answersArbitrary(itemJson),
    async (answers) => {
      const report = await target.run(answers, { suite: 'openapi-contract', spec: SPEC });
      const { log } = target.server;
      const passed = (id: string) => report.results.find((result) => result.id === id)?.outcome === 'passed';
      const get = (method: string) => method === 'GET';
      for (const [operation, path] of Object.entries(OPERATIONS)) {
        if (!succeeded(log, path)) expect(ANSWER_CHECKS.filter((check) => passed(`${check}/${operation}`)), operation).toEqual([]);
        if (passed(`body-schema/${operation}`)) expect(log.filter(isSuccess).flatMap(jsonOf).length, operation).toBeGreaterThan(0);
        if (passed(`no-server-error/${operation}`)) expect(answered(log, get, path, (status) => status < 500), operation).toBe(true);
        if (passed(`invalid-parameter/${operation}`)) expect(answered(log, get, path, (status) => status >= 400 && status < 500), operation).toBe(true);
      }
      for (const [template, path] of Object.entries(PATHS)) {
        const refused = (status: number) => [404, 405, 501].includes(status);
        if (passed(`undocumented-method/${template}`)) expect(answered(log, (method) => method !== 'GET' && method !== 'HEAD', path, refused), template).toBe(true);
      }
      if (passed('undocumented-path')) expect(answered(log, get, /^\/(?!items(\/|\?|$))/, (status) => status === 404 || status === 410)).toBe(true);
    },
  );
});
