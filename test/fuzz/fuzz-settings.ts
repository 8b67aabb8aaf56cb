/**
 * How the fuzz properties run: a few cases with a fixed seed in `npm test`; many from a random
 * seed, printed, in `npm run fuzz`. `KONFORM_FUZZ_RUNS` and `KONFORM_FUZZ_SEED` set either (a
 * failure's seed replays it: `KONFORM_FUZZ_SEED=<seed> npm run fuzz`).
 */
import fc from 'fast-check';
import { it } from 'vitest';
import { memoryBound } from './properties.js';

/** `npm run fuzz`: npm names the script it runs. */
const LONG_RUN = process.env.npm_lifecycle_event === 'fuzz';
const FIXED_SEED = 20_251_207;

function numberFrom(name: string): number | undefined {
  const value = process.env[name];
  if (value === undefined || value === '') return undefined;
  if (!/^-?\d+$/.test(value)) throw new Error(`${name} must be an integer, got "${value}"`);
  return Number(value);
}

const SEED = numberFrom('KONFORM_FUZZ_SEED') ?? (LONG_RUN ? Math.floor(Math.random() * 2 ** 31) : FIXED_SEED);

export interface FuzzRun {
  /** Cases in `npm test`. */
  short: number;
  /** Cases in `npm run fuzz`. */
  long: number;
  /** The most one case may take (its wall-clock guard, or more): sets the test's timeout. */
  caseMs: number;
  /** How much the resident set may grow over the cases (properties.ts memoryBound). */
  rssGrowthBytes?: number;
  /**
   * The property fails while a known bug lasts (it.fails, with a TODO naming the bug): its
   * first counterexample is enough, unshrunk.
   */
  failsUntilFixed?: boolean;
}

/** A test that `property` holds for the cases `arbitrary` generates. */
export function fuzzProperty<T>(title: string, run: FuzzRun, arbitrary: fc.Arbitrary<T>, property: (value: T) => Promise<void>): void {
  const { short, long, caseMs, rssGrowthBytes, failsUntilFixed = false } = run;
  const runs = numberFrom('KONFORM_FUZZ_RUNS') ?? (LONG_RUN ? long : short);
  const test = failsUntilFixed ? it.fails : it;
  test(
    title,
    async () => {
      if (SEED !== FIXED_SEED) console.log(`fuzz "${title}": seed ${SEED}, ${runs} cases (replay: KONFORM_FUZZ_SEED=${SEED} npm run fuzz)`);
      const memory = rssGrowthBytes === undefined ? undefined : memoryBound(rssGrowthBytes);
      const checked = async (value: T) => {
        await property(value);
        memory?.afterCase();
      };
      await fc.assert(fc.asyncProperty(arbitrary, checked), { seed: SEED, numRuns: runs, endOnFailure: failsUntilFixed });
    },
    30_000 + runs * caseMs,
  );
}
