/**
 * Stoplight Prism, a third-party OpenAPI mock server, on a free loopback port, started by
 * fixtures/servers/start-prism.sh (which installs Prism 5.14.2 into $TOOLS_HOME on first use).
 */
import { startScriptedServer, type ScriptedServer } from '../../fixtures/servers/start.js';

/** `base` is Prism's root URL; it serves the document's paths there, whatever `servers` says. */
export type PrismMock = ScriptedServer;

/** Prism mocking `spec` with its static examples (no `Prefer: dynamic=true` is ever sent). */
export function startPrismMock(spec: string): Promise<PrismMock> {
  return startScriptedServer('start-prism.sh', (port) => ['mock', String(port), spec], 120_000);
}
