/**
 * oparl-1.1 against the fuzzing server (fixtures/fuzz/server.ts) answering with generated
 * OParl-shaped answers (http-answers.ts, oparl-objects.ts), with small limits so that each case
 * is quick. The run ends within a guard far above its deadlines and writes valid outputs;
 * what needs JSON is never passed when no answer could be read as JSON, the System never when
 * no answer held one, the schema of a type never when no answer held an object with the members
 * it requires; memory does not grow with the cases.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect } from 'vitest';
import type { FuzzAnswer } from '../../fixtures/fuzz/server.js';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';
import type { HttpLimits } from '../../src/http/types.js';
import type { Report } from '../../src/model/report.js';
import { isSuccess, jsonOf, objectsIn } from './answered.js';
import { fuzzProperty } from './fuzz-settings.js';
import { GUARD_MS, startFuzzTarget } from './fuzz-target.js';
import { answersArbitrary, linkArbitrary } from './http-answers.js';
import { listPage, OPARL_NAMESPACE, oparlJson, oparlObject, withoutIds } from './oparl-objects.js';

/**
 * Requirements decided without JSON: by a status (an unknown URL answered 404, error-response;
 * a link answered 2xx without cookies, links-resolve), by the URLs met, the entry URL among them
 * (url-scheme), and by the bytes of every answer (json-response: UTF-8 without byte order mark).
 */
const DECIDED_WITHOUT_JSON = ['OPARL-ERR-STATUS', 'OPARL-URL-STATELESS', 'OPARL-OBJ-RETRIEVABLE', 'OPARL-URL-ONE-SCHEME', 'OPARL-JSON-UTF8'];
const CANONICAL_URL = ['OPARL-URL-CANONICAL', 'OPARL-URL-PATH-CANONICAL', 'OPARL-URL-QUERY-CANONICAL'];

const SCHEMAS = join(PACKAGE_ROOT, 'standards', 'oparl', '1.1', 'schema');
/** The members each type's schema requires. */
const REQUIRED = new Map(
  await Promise.all(
    (await readdir(SCHEMAS))
      .filter((name) => name.endsWith('.json'))
      .map(async (name) => [basename(name, '.json'), (JSON.parse(await readFile(join(SCHEMAS, name), 'utf8')) as { required?: string[] }).required ?? []] as const),
  ),
);

const target = await startFuzzTarget();
afterAll(() => target.close());

const passed = (report: Report): string[] => report.requirements.filter((requirement) => requirement.outcome === 'passed').map((requirement) => requirement.id);

const runOParl = (answers: readonly FuzzAnswer[], limits?: Partial<HttpLimits>): Promise<Report> => target.run(answers, { suite: 'oparl-1.1', profile: 'without-https', ...(limits ? { limits } : {}) });

/** For the properties of known bugs, whose answers are whole and at once: a deadline no busy machine misses, so that only the bug fails them. */
const PATIENT = { timeoutMs: 10_000 };

/** One to three complete answers, 200 with a JSON body of the shape `json`. */
const completeJsonAnswers = (json: fc.Arbitrary<unknown>): fc.Arbitrary<FuzzAnswer[]> =>
  fc.array(
    json.map((value): FuzzAnswer => ({ status: 200, headers: [['Content-Type', 'application/json; charset=utf-8']], body: JSON.stringify(value), framing: 'length', cut: 'none' })),
    { minLength: 1, maxLength: 3 },
  );

describe('oparl-1.1 against fuzzed answers', () => {
  fuzzProperty(
    "ends with valid outputs, passes nothing that needs JSON without a JSON answer, nor a System or a type's schema without an object that could pass",
    { short: 20, long: 500, caseMs: GUARD_MS, rssGrowthBytes: 256 * 2 ** 20 },
    answersArbitrary(oparlJson),
    async (answers) => {
      const report = await runOParl(answers);
      const json = target.server.log.flatMap((entry) => jsonOf(entry).map((value) => ({ entry, value })));
      if (json.length === 0) expect(passed(report).filter((id) => !DECIDED_WITHOUT_JSON.includes(id))).toEqual([]);
      const served = json.filter(({ entry }) => isSuccess(entry)).flatMap(({ value }) => objectsIn(value));
      // system-object: the entry (after redirects) answers a JSON object whose oparlVersion is 1.1 (OParl §2.10).
      if (!served.some((object) => object.oparlVersion === OPARL_NAMESPACE)) expect(passed(report)).not.toContain('OPARL-SYS-ENDPOINT');
      // object-schema: a type's schema passes only on an object with every member the schema requires (a deleted one: id and type, §2.8).
      for (const result of report.results.filter((candidate) => candidate.check === 'object-schema' && candidate.outcome === 'passed')) {
        const required = REQUIRED.get(result.subject?.id ?? '') ?? [];
        const complete = (object: Record<string, unknown>) => (object.deleted === true ? ['id', 'type'] : required).every((member) => member in object);
        expect(served.some(complete), result.id).toBe(true);
      }
    },
  );

  fuzzProperty(
    'passes no canonical-URL requirement when no object served has an id',
    { short: 5, long: 50, caseMs: GUARD_MS },
    completeJsonAnswers(oparlObject.map(withoutIds)),
    async (answers) => {
      const report = await runOParl(answers, PATIENT);
      expect(passed(report).filter((id) => CANONICAL_URL.includes(id))).toEqual([]);
    },
  );

  fuzzProperty(
    'writes a valid report when a list page links its next page as ""',
    { short: 5, long: 50, caseMs: GUARD_MS },
    completeJsonAnswers(listPage(linkArbitrary).map((page) => ({ ...page, links: { ...(page.links as object), next: '' } }))),
    async (answers) => {
      await runOParl(answers, PATIENT);
    },
  );
});
