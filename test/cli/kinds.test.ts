import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('konform kinds', () => {
  it('lists every kind with its description and options: type, required or default', async () => {
    const list = await runCli(['kinds']);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('xml.xsd (needs files): The file is valid against the standard\'s XML Schema\n');
    expect(list.stdout).toMatch(/\n {4}schema +string +required\n/);
    expect(list.stdout).toMatch(/openapi\.undocumented-path .*\n {4}accept +integer\[\] +default \[404,410\]\n/);
    expect(list.stdout).toMatch(/openapi\.document .*\n {4}no options\n/);
  });

  it('lists the kinds as JSON', async () => {
    const list = await runCli(['kinds', '--json']);
    expect(list.code).toBe(0);
    const kinds = JSON.parse(list.stdout) as Array<{ name: string; needs: string[]; options: unknown[] }>;
    expect(kinds.length).toBeGreaterThan(60);
    const optionsOf = (name: string) => kinds.find((kind) => kind.name === name)?.options;
    expect(optionsOf('ogcapi.declares-class')).toContainEqual({ name: 'declares', type: 'geojson|html', required: true });
    expect(optionsOf('oparl.filters')).toContainEqual({ name: 'maxPages', type: 'integer', required: false, default: 2 });
  });

  it("prints a kind's options JSON Schema", async () => {
    const schema = await runCli(['kinds', 'xml.xsd']);
    expect(schema.code).toBe(0);
    expect(JSON.parse(schema.stdout)).toMatchObject({ type: 'object', additionalProperties: false, required: ['schema'] });
  });

  it('exits 2 on an unknown kind, naming the close matches', async () => {
    const unknown = await runCli(['kinds', 'xml.xds']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('KONFORM_ERR_CHECK_KIND_UNKNOWN: no check kind "xml.xds" (did you mean "xml.xsd"?)');
  });
});
