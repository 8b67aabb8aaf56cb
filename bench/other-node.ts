/**
 * Benchmarks on another Node.js major: the bench itself runs there as a child process (its own
 * reference server, Dredd started on the same Node.js through PATH), with the Node.js binary
 * installed by .ci/install-node outside the repository.
 */
import { delimiter, join } from 'node:path';
import { PACKAGE_ROOT } from '../src/core/package-root.js';
import type { Measurement } from './measurement.js';
import { runProcess } from './processes.js';

export interface OtherNode {
  node: string;
  measurements: Measurement[];
}

export async function onOtherNode(major: number, benchmarkIds: string[]): Promise<OtherNode | { node: string; skipped: string }> {
  const install = await runProcess('bash', [join(PACKAGE_ROOT, '.ci', 'install-node'), String(major)]).catch((error: Error) => ({ code: null, stdout: '', stderr: error.message }));
  const bin = install.stdout.trim();
  if (install.code !== 0 || !bin) return { node: `${major}`, skipped: `Node.js ${major} could not be installed: ${install.stderr.trim()}` };
  const node = join(bin, 'node');
  const run = await runProcess(node, [join(PACKAGE_ROOT, 'dist', 'bench', 'run.js'), '--json', ...benchmarkIds], {
    env: { PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` },
  });
  if (run.code !== 0) return { node: `${major}`, skipped: `the bench on Node.js ${major} exited with ${run.code}: ${run.stderr.trim().split('\n').slice(-3).join(' | ')}` };
  return JSON.parse(run.stdout) as OtherNode;
}
