/**
 * `konform run --param name=value`: the value sent for every operation's path or query
 * parameter of that name, checked against its schema (an invalid one exits 2 naming the
 * parameter). Runs the built CLI: `npm run build` first.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { ITEM_DOCUMENT, itemServer, KNOWN_ITEM } from '../openapi/item-api.js';
import { scratch } from '../openapi/support.js';

/** Runs the CLI against the item server; returns its exit, stderr and report. */
async function runWith(params: string[]) {
  const workspace = await scratch();
  const server = await itemServer();
  try {
    const spec = await workspace.write('items.yaml', ITEM_DOCUMENT);
    const out = join(workspace.dir, 'out');
    const flags = params.flatMap((param) => ['--param', param]);
    const cli = await runCli(['run', 'openapi-contract', '--target', server.url, '--spec', spec, '--out', out, ...flags]);
    const report = cli.code === 2 ? undefined : JSON.parse(await readFile(join(out, 'report.json'), 'utf8'));
    return { cli, report };
  } finally {
    await server.close();
    await workspace.remove();
  }
}

const outcome = (report: any, id: string): string | undefined => report.results.find((result: any) => result.id === id)?.outcome;

describe('konform run --param', () => {
  it('without it, the 404 to a made-up id is cantTell with the hint', async () => {
    const { cli, report } = await runWith([]);
    expect(cli.code).toBe(3);
    expect(outcome(report, 'status-documented/item')).toBe('cantTell');
    expect(JSON.stringify(report.results)).toContain('--param item=');
  });

  it('with a known id, the operation is checked and passes', async () => {
    const { cli, report } = await runWith([`item=${KNOWN_ITEM}`]);
    expect(outcome(report, 'status-documented/item')).toBe('passed');
    expect(outcome(report, 'body-schema/item')).toBe('passed');
    expect(cli.code).toBe(0);
  });

  it('exits 2 for a value the schema rules out, or one without a name', async () => {
    const invalid = await runWith(['item=zero']);
    expect(invalid.cli.code).toBe(2);
    expect(invalid.cli.stderr).toContain('parameter item');
    const unnamed = await runWith(['=7']);
    expect(unnamed.cli.code).toBe(2);
    expect(unnamed.cli.stderr).toContain('--param');
  });
});
