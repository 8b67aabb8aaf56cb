/**
 * Stoplight Prism, a third-party OpenAPI mock server, on a free loopback port. It is started
 * by the shared tools' start-prism.sh, which installs Prism 5.14.2 into $TOOLS_HOME on first
 * use, waits until it listens and prints `PID=… BASE=… LOG=…`.
 */
import { join } from 'node:path';
import { SHARED_TOOLS, startSharedTool, type SharedToolServer } from '../../fixtures/shared-tool.js';

export const START_PRISM = join(SHARED_TOOLS, 'start-prism.sh');

/** `base` is Prism's root URL; it serves the document's paths there, whatever `servers` says. */
export type PrismMock = SharedToolServer;

/** Prism mocking `spec` with its static examples (no `Prefer: dynamic=true` is ever sent). */
export function startPrismMock(spec: string): Promise<PrismMock> {
  return startSharedTool(START_PRISM, (port) => ['mock', String(port), spec], 120_000);
}
