/**
 * A suite's self-test (`konform suite selftest <suite>`): the suite's sample documents carry
 * KoSIT xml-mutate declarations (`<?xmute mutator="…" schematron-invalid="…"?>`); konform
 * applies each mutation, validates every mutated document in one run of the suite, and
 * checks that each declaration holds. See src/xml/xmute/ for the declarations and mutators.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { CheckResult } from '../model/report.js';
import { loadSelftestConfig } from '../xml/xmute/config.js';
import { writeDocuments } from '../xml/xmute/documents.js';
import type { SelftestOutcome } from '../xml/xmute/judge.js';
import { planDeclarations } from '../xml/xmute/samples.js';
import { declarationResult, type DeclarationResult, type SelftestReport } from '../xml/xmute/verdict.js';
import { ERROR_CODES, KonformError } from '../model/errors.js';
import { loadSuite } from './load-suite.js';
import { run } from './run.js';

export type { DeclarationResult } from '../xml/xmute/verdict.js';
export type { SelftestOutcome } from '../xml/xmute/judge.js';
export type { SelftestReport } from '../xml/xmute/verdict.js';

export interface SelftestOptions {
  profile?: string;
  /** Folder to keep the mutated documents in; without it they live in a temporary folder, removed at the end. */
  keep?: string;
  signal?: AbortSignal;
  /** Called as each check result of the validation run is settled. */
  onProgress?: (progress: { done: number; total: number }) => void;
}

function countOutcomes(declarations: readonly DeclarationResult[]): Record<SelftestOutcome, number> {
  const counts: Record<SelftestOutcome, number> = { passed: 0, failed: 0, cantTell: 0, exception: 0 };
  for (const declaration of declarations) counts[declaration.outcome] += 1;
  return counts;
}

export async function selftestSuite(suite: string, options: SelftestOptions = {}): Promise<SelftestReport> {
  const startedAt = new Date();
  const { suite: loaded } = await loadSuite(suite);
  const config = await loadSelftestConfig(loaded);
  const planned = await planDeclarations(config);
  if (planned.length === 0) {
    throw new KonformError(ERROR_CODES.SUITE_INVALID, `the self-test of suite ${loaded.id} finds no <?xmute?> declarations`, { file: config.file });
  }
  const folder = options.keep ? resolve(options.keep) : await mkdtemp(join(tmpdir(), 'konform-selftest-'));
  try {
    const { variants, files } = await writeDocuments(planned, folder);
    const report = files.length === 0
      ? undefined
      : await run({
          suite: loaded.file,
          target: { files },
          ...(options.profile ? { profile: options.profile } : {}),
          ...(options.signal ? { signal: options.signal } : {}),
          onResult: (_result, progress) => options.onProgress?.(progress),
        });
    const byFile = new Map<string, CheckResult[]>();
    for (const result of report?.results ?? []) {
      if (!result.subject) continue;
      const list = byFile.get(result.subject.id) ?? [];
      list.push(result);
      byFile.set(result.subject.id, list);
    }
    const declarations = planned.map((declaration) => declarationResult(declaration, variants.get(declaration) ?? [], (file) => byFile.get(file) ?? [], config));
    const counts = countOutcomes(declarations);
    return {
      suite: { id: loaded.id, version: loaded.version, title: loaded.title },
      profile: report?.profile.id ?? options.profile ?? loaded.defaultProfile,
      config: relative(loaded.dir, config.file),
      startedAt: startedAt.toISOString(),
      durationMs: Date.now() - startedAt.getTime(),
      samples: new Set(planned.map((declaration) => declaration.samplePath)).size,
      documents: files.length,
      counts,
      ok: counts.failed === 0 && counts.cantTell === 0,
      declarations,
    };
  } finally {
    if (!options.keep) await rm(folder, { recursive: true, force: true });
  }
}
