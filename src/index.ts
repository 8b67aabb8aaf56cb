/**
 * konform's public library API.
 *
 *   import { run } from 'konform';
 *   const report = await run({ suite: 'openapi-contract', target: { url, spec } });
 *   report.verdict; // 'conformant' | 'notConformant' | 'inconclusive'
 */
export { run } from './core/run.js';
export type { RunOptions } from './core/options.js';
export { loadSuite } from './core/load-suite.js';
export { loadStandard } from './core/load-standard.js';
export { listCatalog, type CatalogEntry } from './core/catalog.js';
export { suiteCoverage, type Coverage, type RequirementCoverage } from './core/coverage.js';
export { ERROR_CODES, KonformError, isKonformError, type ErrorCode } from './core/errors.js';
export { OUTCOMES, type Outcome, type OutcomeCounts } from './core/outcome.js';
export type * from './core/model.js';
export type { CheckContext, CheckKind, Subject } from './checks/types.js';
export { allCheckKinds } from './checks/registry.js';
export type { AuthConfig, Exchange, HttpLimits, TlsConfig } from './http/types.js';
export type { CheckResult, Report, RequirementResult, Verdict } from './report/model.js';
export { REPORT_FORMATS } from './report/formats.js';
export { validateReport } from './report/validate-report.js';
export { writeReports } from './report/write-reports.js';
