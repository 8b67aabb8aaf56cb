/**
 * The texts of index.html, one catalogue per language (de.ts, en.ts) with exactly these keys;
 * verdicts, outcomes and levels are the report's (report/i18n). Texts are plain: values that
 * need markup are given already rendered.
 */
import type { Language } from '../../report/i18n/index.js';
import { de } from './de.js';
import { en } from './en.js';

export interface BatchMessages {
  title: string;
  lead: (runs: number, subjects: number, suites: number) => string;
  facts: {
    plan: string;
    shard: string;
    shardOf: (index: number, total: number, runs: number, planRuns: number) => string;
    date: string;
    tool: string;
    exitCode: string;
  };
  matrix: { caption: string; subject: string; noRun: string };
  /** Failed checks by level: "failed: 2 MUST, 1 SHOULD, 0 MAY". */
  failed: (must: number, should: number, may: number) => string;
  incomplete: string;
  error: string;
  footer: (tool: string) => string;
}

const CATALOGUES: Record<Language, BatchMessages> = { de, en };

export function batchMessagesFor(lang: Language): BatchMessages {
  return CATALOGUES[lang];
}
