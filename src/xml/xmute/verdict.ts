/**
 * The result of one declaration: every mutated document it stands for must meet it. A
 * declaration konform cannot honour is an exception with its reason; one the suite documents
 * not to hold is an exception while it does not hold, and a failure once it does (the
 * documentation is then stale).
 */
import type { CheckResult } from '../../model/report.js';
import type { SelftestConfig } from './config.js';
import type { WrittenVariant } from './documents.js';
import { judgeDocument, worstOf, type Judgement, type SelftestOutcome } from './judge.js';
import type { PlannedDeclaration } from './samples.js';

export interface DeclarationResult {
  /** Sample path relative to the self-test folder, and the instruction's place in it. */
  sample: string;
  line: number;
  column: number;
  id?: string;
  mutator?: string;
  description?: string;
  /** The instruction's data, white space normalised. */
  declaration: string;
  /** How many mutated documents were validated for it. */
  documents: number;
  outcome: SelftestOutcome;
  reasons: string[];
  /** Set when the suite documents that the declaration does not hold: why. */
  expectedToFail?: string;
}

function judgeVariants(declaration: PlannedDeclaration, written: readonly WrittenVariant[], resultsOf: (file: string) => readonly CheckResult[], config: SelftestConfig): Judgement {
  const { data, preparation } = declaration;
  if (preparation.status !== 'ready' || !data) {
    return { outcome: preparation.status === 'exception' ? 'exception' : 'failed', reasons: preparation.status === 'ready' ? [] : [preparation.reason] };
  }
  const labelled = written.length > 1;
  return worstOf(
    written.map((variant) => {
      const judgement: Judgement = 'problem' in variant ? { outcome: 'failed', reasons: [variant.problem] } : judgeDocument(data, resultsOf(variant.path), config);
      return labelled ? { ...judgement, reasons: judgement.reasons.map((reason) => `[${variant.label}] ${reason}`) } : judgement;
    }),
  );
}

function documentedFailure(judgement: Judgement, reason: string): Judgement {
  if (judgement.outcome === 'failed') return { outcome: 'exception', reasons: [`documented not to hold: ${reason}`, ...judgement.reasons] };
  if (judgement.outcome === 'passed') return { outcome: 'failed', reasons: [`documented not to hold (${reason}), but it holds`] };
  return judgement;
}

export function declarationResult(
  declaration: PlannedDeclaration,
  written: readonly WrittenVariant[],
  resultsOf: (file: string) => readonly CheckResult[],
  config: SelftestConfig,
): DeclarationResult {
  const judged = judgeVariants(declaration, written, resultsOf, config);
  const { outcome, reasons } = declaration.expectedToFail ? documentedFailure(judged, declaration.expectedToFail) : judged;
  const { data } = declaration;
  return {
    sample: declaration.samplePath,
    line: declaration.line,
    column: declaration.column,
    ...(data?.id ? { id: data.id } : {}),
    ...(data?.mutator ? { mutator: data.mutator } : {}),
    ...(data?.description ? { description: data.description } : {}),
    declaration: declaration.text,
    documents: written.filter((variant) => 'path' in variant).length,
    outcome,
    reasons,
    ...(declaration.expectedToFail ? { expectedToFail: declaration.expectedToFail } : {}),
  };
}

/** The outcome of `konform suite selftest`: every declaration of the self-test judged. */
export interface SelftestReport {
  suite: { id: string; version: string; title: string };
  profile: string;
  /** The self-test configuration, relative to the suite folder. */
  config: string;
  startedAt: string;
  durationMs: number;
  samples: number;
  /** Distinct mutated documents validated. */
  documents: number;
  counts: Record<SelftestOutcome, number>;
  /** No declaration failed or was left undecided (exceptions are listed, not failures). */
  ok: boolean;
  declarations: DeclarationResult[];
}
