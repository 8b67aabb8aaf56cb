/** `konform list`: the suites and standards that ship with konform, with their versions. */
import { listCatalog } from '../../run/catalog.js';
import type { CliIo } from '../io.js';

export async function listCommand(flags: { json?: boolean }, io: CliIo): Promise<number> {
  const entries = await listCatalog();
  if (flags.json) {
    io.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
  } else {
    for (const kind of ['suite', 'standard'] as const) {
      io.stdout.write(`${kind}s:\n`);
      for (const entry of entries.filter((candidate) => candidate.kind === kind)) {
        const binding = entry.standard ? ` (standard ${entry.standard})` : '';
        const detail = entry.error ? `BROKEN: ${entry.error}` : `${entry.title}${binding}`;
        io.stdout.write(`  ${entry.id.padEnd(24)} ${entry.version.padEnd(10)} ${detail}\n`);
      }
    }
  }
  return entries.some((entry) => entry.error) ? 2 : 0;
}
