/**
 * Stoplight Prism, a third-party OpenAPI mock server, on a free loopback port. It is started
 * by the shared tools' start-prism.sh, which installs Prism 5.14.2 into $TOOLS_HOME on first
 * use, waits until it listens and prints `PID=… BASE=… LOG=…`.
 */
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';

export const START_PRISM = join(PACKAGE_ROOT, '..', 'shared', 'tools', 'start-prism.sh');

export interface PrismMock {
  /** Prism's root URL; it serves the document's paths there, whatever `servers` says. */
  base: string;
  stop(): void;
}

/** A port nothing listens on: the one the system gave a listener on port 0, closed again. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Prism mocking `spec` with its static examples (no `Prefer: dynamic=true` is ever sent). */
export async function startPrismMock(spec: string): Promise<PrismMock> {
  const port = await freePort();
  const { stdout } = await promisify(execFile)('bash', [START_PRISM, 'mock', String(port), spec], { timeout: 120_000 });
  const started = /PID=(\d+) BASE=(\S+) LOG=(\S+)/.exec(stdout);
  if (!started) throw new Error(`start-prism.sh said: ${stdout}`);
  const [, pid = '', base = '', log = ''] = started;
  return {
    base,
    stop() {
      try {
        process.kill(Number(pid));
      } catch {
        // Already gone.
      }
      rmSync(log, { force: true });
    },
  };
}
