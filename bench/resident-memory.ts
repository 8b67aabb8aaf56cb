/**
 * Resident memory of a process and its descendants (Saxon's JVMs, say), sampled from /proc
 * while it runs: getrusage reports a process's own peak only, at its exit.
 */
import { readFile } from 'node:fs/promises';

/** Resident memory of a process in KiB from /proc, 0 once it is gone. */
async function residentKib(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  return Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
}

async function descendantsOf(pid: number): Promise<number[]> {
  const listed = await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8').catch(() => '');
  const children = listed.split(' ').filter(Boolean).map(Number);
  return [...children, ...(await Promise.all(children.map(descendantsOf))).flat()];
}

export interface PeakSampler {
  /** Stops sampling; the highest sum seen, in KiB. */
  stop(): number;
}

/** Samples every `everyMs` the sum of the resident memory of the process's descendants, and of the process itself with `withProcess`. */
export function samplePeak(pid: number, everyMs: number, withProcess: boolean): PeakSampler {
  let peakKib = 0;
  const timer = setInterval(() => {
    void descendantsOf(pid)
      .then(async (pids) => (await Promise.all((withProcess ? [pid, ...pids] : pids).map(residentKib))).reduce((sum, kib) => sum + kib, 0))
      .then((kib) => (peakKib = Math.max(peakKib, kib)));
  }, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return peakKib;
    },
  };
}
