/**
 * A realistic canonical report of an OParl run, with one result of every outcome: passed,
 * failed (findings with pointers and an exchange), cantTell (a timeout), inapplicable, untested.
 */
import { countOutcomes } from '../../src/model/outcome.js';
import type { Exchange } from '../../src/model/exchange.js';
import type { CheckInfo, CheckResult, Report, RequirementResult } from '../../src/model/report.js';

const BASE = 'http://127.0.0.1:8080/oparl/v1';
const sha = (digit: string): string => digit.repeat(64);

const exchanges: Exchange[] = [
  {
    id: 'x1',
    startedAt: '2025-03-01T10:00:00.100Z',
    durationMs: 12.5,
    request: { method: 'GET', url: `${BASE}/system`, headers: { accept: 'application/json' } },
    response: {
      status: 200, url: `${BASE}/system`, headers: { 'content-type': 'application/json' },
      bodyExcerpt: '{"id":"http://127.0.0.1:8080/oparl/v1/system","type":"https://schema.oparl.org/1.1/System"}',
      bodyBytes: 88, truncated: false,
    },
  },
  {
    id: 'x2',
    startedAt: '2025-03-01T10:00:00.200Z',
    durationMs: 8,
    request: { method: 'GET', url: `${BASE}/bodies`, headers: { accept: 'application/json', authorization: '[redacted]' } },
    redirects: [{ status: 301, location: '/oparl/v1/bodies/' }],
    response: {
      status: 418, url: `${BASE}/bodies/`, headers: { 'content-type': 'application/json', 'set-cookie': ['a=1', 'b=2'] },
      bodyExcerpt: '{"data":[{"id":42}]}', bodyBytes: 20, truncated: false,
    },
  },
  {
    id: 'x3',
    startedAt: '2025-03-01T10:00:00.300Z',
    durationMs: 10_000,
    request: { method: 'GET', url: `${BASE}/meetings`, headers: { accept: 'application/json' } },
    error: { reason: 'timeout', message: 'no response within 10000 ms' },
  },
];

const checks: CheckInfo[] = [
  ['system-reachable', 'core', ['OPARL-SYS-1']],
  ['status-documented', 'core', ['OPARL-HTTP-2', 'OPARL-BODY-1']],
  ['response-schema', 'core', ['OPARL-MEET-1']],
  ['pagination', 'core', ['OPARL-PAGE-1']],
  ['files-accessible', 'files', ['OPARL-FILE-1']],
].map(([id, cls, requirements]) => ({
  id: id as string, kind: `openapi.${id as string}`, class: cls as string, title: `Check ${id as string}`, severity: 'error' as const,
  requirements: requirements as string[],
}));

const check = (id: string) => {
  const { requirements: _requirements, id: _id, ...info } = checks.find((candidate) => candidate.id === id) as CheckInfo;
  return { check: id, ...info };
};

const results: CheckResult[] = [
  { id: 'system-reachable', ...check('system-reachable'), outcome: 'passed',
    durationMs: 13, findings: [], evidence: ['x1'] },
  { id: 'status-documented/GET /bodies', ...check('status-documented'),
    subject: { id: 'GET /bodies', title: 'List the bodies' }, outcome: 'failed', durationMs: 9, evidence: ['x2'],
    findings: [
      { code: 'status-undocumented', message: 'Status 418 is not documented for GET /bodies', severity: 'error',
        params: { status: 418 }, exchange: 'x2',
        location: { operation: 'GET /bodies', specPointer: '/paths/~1bodies/get/responses' } },
      { code: 'schema-violation', message: 'must be string', severity: 'error', rule: 'OPARL-BODY-1', exchange: 'x2',
        location: { operation: 'GET /bodies', specPointer: '/components/schemas/Body/properties/id/type', bodyPointer: '/data/0/id' } },
    ] },
  { id: 'response-schema/GET /meetings', ...check('response-schema'),
    subject: { id: 'GET /meetings', title: 'List the meetings' }, outcome: 'cantTell', durationMs: 10_001, evidence: ['x3'],
    findings: [{ code: 'http-timeout', message: 'GET /meetings: no response within 10000 ms', exchange: 'x3',
      location: { operation: 'GET /meetings' } }] },
  { id: 'pagination/GET /system', ...check('pagination'),
    subject: { id: 'GET /system', title: 'The system object' }, outcome: 'inapplicable', durationMs: 0, evidence: [],
    findings: [{ code: 'not-a-list', message: 'GET /system returns no list' }] },
  { id: 'files-accessible', ...check('files-accessible'), outcome: 'untested',
    durationMs: 0, findings: [], evidence: [] },
];

const requirement = (id: string, cls: string, outcome: RequirementResult['outcome'], checks: string[]): RequirementResult => ({
  id, class: cls, level: 'MUST', text: `Requirement ${id} | with a pipe`,
  clause: `https://oparl.org/spezifikation/online-ansicht/#${id.toLowerCase()}`, outcome, checks,
});

const requirements: RequirementResult[] = [
  requirement('OPARL-SYS-1', 'core', 'passed', ['system-reachable']),
  requirement('OPARL-HTTP-2', 'core', 'failed', ['status-documented']),
  requirement('OPARL-BODY-1', 'core', 'failed', ['status-documented']),
  requirement('OPARL-MEET-1', 'core', 'cantTell', ['response-schema']),
  requirement('OPARL-PAGE-1', 'core', 'inapplicable', ['pagination']),
  requirement('OPARL-FILE-1', 'files', 'untested', ['files-accessible']),
  { ...requirement('OPARL-UI-1', 'core', 'untested', []), level: 'SHOULD', notTestable: 'needs a human' },
];

/** A finished run that is not conformant (a MUST failed). Each call returns a fresh copy. */
export function sampleReport(): Report {
  return structuredClone({
    reportVersion: '1.0',
    tool: { name: 'konform', version: '0.1.0' },
    suite: { id: 'oparl-core', version: '1.0.0', title: 'OParl 1.1 core', sha256: sha('a') },
    standard: {
      id: 'oparl', version: '1.1', title: 'OParl 1.1', manifestSha256: sha('b'),
      artifacts: [{ path: 'schema/System.json', sha256: sha('c') }],
    },
    target: {
      url: BASE,
      spec: { path: 'vendor/openapi.yaml', sha256: sha('d'), title: 'Vendor OParl API', version: '2.3', openapi: '3.1.0' },
      allowedHosts: ['127.0.0.1:8080'],
    },
    profile: { id: 'full', title: 'Everything', classes: ['core', 'files'] },
    startedAt: '2025-03-01T10:00:00.000Z',
    finishedAt: '2025-03-01T10:00:10.500Z',
    durationMs: 10_500,
    complete: true,
    verdict: 'notConformant',
    exitCode: 1,
    counts: countOutcomes(results.map((result) => result.outcome)),
    checks,
    results,
    requirements,
    exchanges,
  } satisfies Report);
}

/** The same run, interrupted by SIGINT before the last checks ran. */
export function incompleteReport(): Report {
  const report = sampleReport();
  report.results = report.results.map((result) =>
    result.outcome === 'failed' ? { ...result, outcome: 'untested', findings: [], evidence: [] } : result,
  );
  report.requirements = report.requirements.map((r) => (r.outcome === 'failed' ? { ...r, outcome: 'untested' } : r));
  return {
    ...report, complete: false, interruption: 'SIGINT', verdict: 'inconclusive', exitCode: 3,
    counts: countOutcomes(report.results.map((result) => result.outcome)),
  };
}
