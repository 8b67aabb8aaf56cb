import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ERROR_CODES, KonformError } from '../../src/model/errors.js';
import { loadSuite } from '../../src/run/load-suite.js';
import { suiteWorkspace, type SuiteWorkspace } from '../helpers/suite-workspace.js';

async function loadError(file: string): Promise<KonformError> {
  const error = await loadSuite(file).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(KonformError);
  return error as KonformError;
}

describe('loadSuite', () => {
  let workspace: SuiteWorkspace;
  afterEach(() => workspace?.remove());

  it('loads the shipped OpenAPI contract suite with its standard, hashes verified', async () => {
    const { suite, standard } = await loadSuite('openapi-contract');
    expect(suite.id).toBe('openapi-contract');
    expect(standard.id).toBe('openapi-http');
    expect(suite.classes.flatMap((cls) => cls.checks).every((check) => check.severity === 'error')).toBe(true);
    expect(standard.requirements.length).toBeGreaterThan(5);
  });

  it('names file, line and column of an unknown property', async () => {
    workspace = await suiteWorkspace();
    await workspace.edit(workspace.suiteFile, (text) => text.replace('        kind: openapi.body-schema', '        kind: openapi.body-schema\n        severty: warning'));
    const error = await loadError(workspace.suiteFile);
    expect(error.code).toBe(ERROR_CODES.SUITE_INVALID);
    expect(error.location?.file).toBe(workspace.suiteFile);
    expect(error.message).toContain('unknown property "severty"');
    const lines = (await import('node:fs')).readFileSync(workspace.suiteFile, 'utf8').split('\n');
    expect(lines[(error.location?.line ?? 0) - 1]).toContain('- id: body-schema');
  });

  it('reports every problem of the references, each with its line and column, not only the first', async () => {
    workspace = await suiteWorkspace();
    await workspace.edit(workspace.suiteFile, (text) =>
      text.replace('kind: openapi.body-schema', 'kind: openapi.body-shema').replace('        kind: openapi.status-documented', '        kind: openapi.status-documented\n        options: { colour: red }'),
    );
    const error = await loadError(workspace.suiteFile);
    expect(error.code).toBe(ERROR_CODES.CHECK_OPTIONS_INVALID);
    expect(error.message).toMatch(/^2 problems:\n {2}\d+:\d+: check "status-documented" \(openapi\.status-documented\): unknown option "colour".*\n {2}\d+:\d+: unknown check kind "openapi\.body-shema"/);
  });

  it('rejects broken YAML with its position', async () => {
    workspace = await suiteWorkspace();
    await workspace.edit(workspace.suiteFile, (text) => text.replace('title: OpenAPI contract conformance', 'title: [unclosed'));
    const error = await loadError(workspace.suiteFile);
    expect(error.code).toBe(ERROR_CODES.SUITE_INVALID);
    expect(error.location?.line).toBeGreaterThan(0);
  });

  it('rejects an unknown check kind and an unknown requirement at their lines', async () => {
    workspace = await suiteWorkspace();
    await workspace.edit(workspace.suiteFile, (text) => text.replace('kind: openapi.no-server-error', 'kind: openapi.no-such-kind'));
    let error = await loadError(workspace.suiteFile);
    expect(error.code).toBe(ERROR_CODES.CHECK_KIND_UNKNOWN);
    expect(error.message).toContain('unknown check kind "openapi.no-such-kind"');
    expect(error.location?.pointer).toBe('/classes/1/checks/4/kind');

    await workspace.edit(workspace.suiteFile, (text) => text.replace('openapi.no-such-kind', 'openapi.no-server-error').replace('[OAS-RESP-STATUS]', '[OAS-RESP-STATUZ]'));
    error = await loadError(workspace.suiteFile);
    expect(error.message).toContain('"OAS-RESP-STATUZ" is not a requirement');
  });

  it('names suite file, check and option of an option the kind does not have, at its line', async () => {
    workspace = await suiteWorkspace();
    await workspace.edit(workspace.suiteFile, (text) =>
      text.replace('kind: openapi.undocumented-path\n', 'kind: openapi.undocumented-path\n        options: { acept: [404] }\n'),
    );
    const error = await loadError(workspace.suiteFile);
    expect(error.code).toBe(ERROR_CODES.CHECK_OPTIONS_INVALID);
    expect(error.location?.file).toBe(workspace.suiteFile);
    expect(error.message).toBe('check "undocumented-path" (openapi.undocumented-path): unknown option "acept" (did you mean "accept"?) — options: accept');
    const lines = (await import('node:fs')).readFileSync(workspace.suiteFile, 'utf8').split('\n');
    expect(lines[(error.location?.line ?? 0) - 1]).toContain('options: { acept: [404] }');
  });

  it('refuses options for a kind that takes none', async () => {
    workspace = await suiteWorkspace();
    await workspace.edit(workspace.suiteFile, (text) => text.replace('kind: openapi.status-documented\n', 'kind: openapi.status-documented\n        options: { strict: true }\n'));
    const error = await loadError(workspace.suiteFile);
    expect(error.message).toContain('check "status-documented" (openapi.status-documented): unknown option "strict" — it takes no options');
  });

  it('rejects a profile naming an unknown class', async () => {
    workspace = await suiteWorkspace();
    await workspace.edit(workspace.suiteFile, (text) => text.replace('classes: [document, responses]', 'classes: [document, answers]'));
    const error = await loadError(workspace.suiteFile);
    expect(error.message).toContain('unknown class "answers"');
  });

  it('refuses a standard whose artifact does not match its pinned hash', async () => {
    workspace = await suiteWorkspace();
    await workspace.edit(join(workspace.standardDir, 'requirements.yaml'), (text) => `${text}\n# changed\n`);
    const error = await loadError(workspace.suiteFile);
    expect(error.code).toBe(ERROR_CODES.ARTIFACT_HASH_MISMATCH);
    expect(error.location?.file).toContain('requirements.yaml');
  });

  it('reuses a loaded suite only while suite, manifest and artifacts are unchanged', async () => {
    workspace = await suiteWorkspace();
    const first = await loadSuite(workspace.suiteFile);
    expect(await loadSuite(workspace.suiteFile)).toEqual(first);
    expect((await loadSuite(workspace.suiteFile)).suite).toBe(first.suite);
    // Same size, one character changed: the hash no longer matches the pinned one.
    await workspace.edit(join(workspace.standardDir, 'requirements.yaml'), (text) => text.replace('MUST', 'MUTS'));
    expect((await loadError(workspace.suiteFile)).code).toBe(ERROR_CODES.ARTIFACT_HASH_MISMATCH);
    await workspace.edit(join(workspace.standardDir, 'requirements.yaml'), (text) => text.replace('MUTS', 'MUST'));
    expect((await loadSuite(workspace.suiteFile)).suite).toBe(first.suite);
    await workspace.edit(workspace.suiteFile, (text) => text.replace('classes: [document, responses]', 'classes: [document, answers]'));
    expect((await loadError(workspace.suiteFile)).message).toContain('unknown class "answers"');
  });

  it('says so when the suite does not exist', async () => {
    const error = await loadError('no-such-suite');
    expect(error.code).toBe(ERROR_CODES.SUITE_NOT_FOUND);
  });
});
