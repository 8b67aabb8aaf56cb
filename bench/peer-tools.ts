/**
 * Dredd 14 as a side-by-side baseline, installed outside the repository by
 * fixtures/servers/install-peers.sh into $TOOLS_HOME (default /tmp/conformance-tools).
 */
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/core/package-root.js';
import { runProcess } from './processes.js';

const TOOLS_HOME = process.env.TOOLS_HOME ?? '/tmp/conformance-tools';
const INSTALL_SCRIPT = join(PACKAGE_ROOT, 'fixtures', 'servers', 'install-peers.sh');
export const DREDD = join(TOOLS_HOME, 'node_modules', '.bin', 'dredd');

export type PeerTool = { ok: true; version: string; notes: string[] } | { ok: false; reason: string };

function lastLines(text: string, count = 3): string {
  return text.trim().split('\n').slice(-count).join(' | ');
}

/** Runs the installer, then asks Dredd for its version; only a working Dredd 14 is used. */
export async function installDredd(): Promise<PeerTool> {
  const notes: string[] = [];
  const install = await runProcess('bash', [INSTALL_SCRIPT], { env: { TOOLS_HOME } }).catch((error: Error) => ({
    code: null,
    stdout: '',
    stderr: error.message,
    wallMs: 0,
  }));
  if (install.code !== 0) {
    notes.push(`install-peers.sh exited with ${install.code}: ${lastLines(install.stderr || install.stdout)}`);
  }
  const probe = await runProcess(DREDD, ['--version']).catch((error: Error) => ({ code: null, stdout: '', stderr: error.message, wallMs: 0 }));
  const version = probe.stdout.trim().split('\n')[0] ?? '';
  if (probe.code !== 0 || !/^dredd v14\./.test(version)) {
    return { ok: false, reason: [...notes, `no Dredd 14 at ${DREDD}: ${lastLines(probe.stderr || probe.stdout) || 'no output'}`].join('; ') };
  }
  if (install.code !== 0) notes.push(`the Dredd already installed in ${TOOLS_HOME} was used`);
  return { ok: true, version, notes };
}
