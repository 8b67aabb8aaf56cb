/**
 * What one benchmark hands back: konform's figure against a baseline's, measured in the same
 * run on the same machine, as a ratio held to a target (konform / baseline ≥ target).
 * A benchmark that could not run is `skipped` with its reason, never given a figure.
 */
import { loadavg } from 'node:os';

export interface Target {
  /** konform must reach at least this ratio. */
  ratio: number;
  /** What the ratio compares, in words. */
  meaning: string;
}

export interface Headline {
  konform: string;
  baseline: string;
}

export type Measurement =
  | {
      id: string;
      title: string;
      target: Target;
      status: 'measured';
      ratio: number;
      pass: boolean;
      /** konform's figure and the baseline's, as the table prints them. */
      headline: Headline;
      /** The raw figures the ratio is computed from. */
      figures: Record<string, unknown>;
      notes: string[];
    }
  | { id: string; title: string; target: Target; status: 'skipped'; reason: string; notes: string[] };

export function measured(
  base: { id: string; title: string; target: Target },
  ratio: number,
  headline: Headline,
  figures: Record<string, unknown>,
  notes: string[],
): Measurement {
  return { ...base, status: 'measured', ratio: round(ratio, 3), pass: ratio >= base.target.ratio, headline, figures, notes };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Events per second, from a count and the milliseconds it took. */
export function perSecond(count: number, ms: number): number {
  return (count * 1000) / ms;
}

/** The machine's load average over 1, 5 and 15 minutes: other work on it skews wall clocks. */
export function loadAverage(): number[] {
  return loadavg().map((load) => round(load, 2));
}

/**
 * Wall clock and CPU time of this process (user and system, all its threads) over `work`. The
 * CPU time is the work itself, which other load on a shared machine does not stretch.
 */
export async function clocked<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await work();
  const ms = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  return { value, ms, cpuMs: (user + system) / 1000 };
}
