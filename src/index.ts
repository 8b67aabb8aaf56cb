/**
 * konform's public library API.
 *
 *   import { run } from 'konform';
 *   const report = await run({ suite: 'openapi-contract', target: { url, spec } });
 *   report.verdict; // 'conformant' | 'notConformant' | 'inconclusive'
 */
export { run } from './run/run.js';
export type { RunOptions } from './run/options.js';
export { loadSuite } from './run/load-suite.js';
export { loadStandard } from './core/load-standard.js';
export { listCatalog, type CatalogEntry } from './run/catalog.js';
export { suiteCoverage, type Coverage, type RequirementCoverage } from './core/coverage.js';
export { ERROR_CODES, KonformError, isKonformError, type ErrorCode } from './model/errors.js';
export { OUTCOMES, type Outcome, type OutcomeCounts } from './model/outcome.js';
export type * from './model/types.js';
export type { CheckContext, CheckKind, Subject } from './checks/types.js';
export { allCheckKinds } from './checks/registry.js';
export type { AuthConfig, HttpLimits, TlsConfig } from './http/types.js';
export type { Exchange } from './model/exchange.js';
export type { CheckResult, Report, RequirementResult, Verdict } from './model/report.js';
export { REPORT_FORMATS } from './report/formats.js';
export { validateReport } from './report/validate-report.js';
export { writeReports } from './report/write-reports.js';
export { readRecording, type Recording } from './replay/har-reader.js';
export { replayRunOf, type ReplayGiven, type ReplayRun } from './replay/replay-run.js';
export { signFolder } from './attest/sign-folder.js';
export { verifyFolder, type Problem, type Verification } from './attest/verify-folder.js';
export { generateKeyPair, signingKeyFromPem, verifyingKeyFromPem, type SigningKey, type VerifyingKey } from './attest/keys.js';
export { RUN_PREDICATE_TYPE, type RunPredicate } from './attest/predicate.js';
