import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ERROR_CODES, KonformError } from '../../src/model/errors.js';
import { loadSuite } from '../../src/run/load-suite.js';
import { pinStandard } from '../../src/core/pin-standard.js';
import { sha256 } from '../../src/core/sha256.js';
import { suiteWorkspace, type SuiteWorkspace } from '../helpers/suite-workspace.js';

describe('pinStandard', () => {
  let workspace: SuiteWorkspace;
  afterEach(() => workspace?.remove());

  const manifest = () => readFile(join(workspace.standardDir, 'manifest.yaml'), 'utf8');
  const hashOf = async (path: string) => sha256(await readFile(join(workspace.standardDir, path)));

  it('finds nothing stale in a standard whose files are as pinned', async () => {
    workspace = await suiteWorkspace('oparl-1.0', 'oparl/1.0');
    const before = await manifest();
    const review = await pinStandard(workspace.standardDir, { write: true });
    expect(review).toMatchObject({ manifestFile: join(workspace.standardDir, 'manifest.yaml'), stale: [] });
    expect(review.artifacts).toBeGreaterThan(5);
    expect(await manifest()).toBe(before);
  });

  it('shows the stale pins, and rewrites only their hashes, quotes and comments kept', async () => {
    workspace = await suiteWorkspace('oparl-1.0', 'oparl/1.0');
    const [body, lists] = [await hashOf('schema/Body.json'), await hashOf('external-lists.yaml')];
    await workspace.edit(join(workspace.standardDir, 'manifest.yaml'), (text) => text.replace(`sha256: ${body}`, `sha256: "${body}" # quoted`));
    await workspace.edit(join(workspace.standardDir, 'schema/Body.json'), (text) => text.replace('"title"', '"title" '));
    await workspace.edit(join(workspace.standardDir, 'external-lists.yaml'), (text) => `${text}# a new line\n`);
    const [newBody, newLists] = [await hashOf('schema/Body.json'), await hashOf('external-lists.yaml')];
    const before = await manifest();

    const checked = await pinStandard(workspace.standardDir, { write: false });
    expect(checked.stale).toEqual([
      { path: 'external-lists.yaml', pinned: lists, actual: newLists },
      { path: 'schema/Body.json', pinned: body, actual: newBody },
    ]);
    expect(await manifest()).toBe(before);

    expect((await pinStandard(workspace.standardDir, { write: true })).stale).toEqual(checked.stale);
    expect(await manifest()).toBe(before.replace(`"${body}" # quoted`, `"${newBody}" # quoted`).replace(`sha256: ${lists}`, `sha256: ${newLists}`));
    expect((await pinStandard(workspace.standardDir, { write: false })).stale).toEqual([]);
    await expect(loadSuite(workspace.suiteFile)).resolves.toBeDefined();
  });

  it('refuses to rewrite a pin that is an alias, at its line', async () => {
    workspace = await suiteWorkspace('oparl-1.0', 'oparl/1.0');
    const [catalogue, lists] = [await hashOf('requirements.yaml'), await hashOf('external-lists.yaml')];
    await workspace.edit(join(workspace.standardDir, 'manifest.yaml'), (text) =>
      text.replace(`sha256: ${catalogue}`, `sha256: &catalogue ${catalogue}`).replace(`sha256: ${lists}`, 'sha256: *catalogue'),
    );
    const error = await pinStandard(workspace.standardDir, { write: true }).catch((caught: unknown) => caught);
    expect((error as KonformError).code).toBe(ERROR_CODES.STANDARD_INVALID);
    expect((error as KonformError).message).toContain('the sha256 of external-lists.yaml is not written out');
    const aliasLine = (await manifest()).split('\n').indexOf('    sha256: *catalogue') + 1;
    expect((error as KonformError).location?.line).toBe(aliasLine);
  });

  it('refuses a standard with a missing artifact, naming it, and writes nothing', async () => {
    workspace = await suiteWorkspace('oparl-1.0', 'oparl/1.0');
    await workspace.edit(join(workspace.standardDir, 'external-lists.yaml'), (text) => `${text}# a new line\n`);
    await rm(join(workspace.standardDir, 'schema/File.json'));
    const before = await manifest();
    const error = await pinStandard(workspace.standardDir, { write: true }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(KonformError);
    expect((error as KonformError).code).toBe(ERROR_CODES.STANDARD_INVALID);
    expect((error as KonformError).message).toContain('schema/File.json (no such file)');
    expect(await manifest()).toBe(before);
  });
});
