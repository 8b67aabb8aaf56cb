/**
 * A report pins every standard its verdict rests on: beside the suite's own, those its
 * checks' kinds judge by — the GeoJSON schema of RFC 7946 for OParl Locations and OGC features.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startOParlServer } from '../../fixtures/oparl/server.js';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';
import { GEOJSON_STANDARD } from '../../src/geojson/validate.js';
import { summaryChunks } from '../../src/report/markdown.js';
import { validateReport } from '../../src/report/validate-report.js';
import { run } from '../../src/run/run.js';

const sha256 = async (file: string) => createHash('sha256').update(await readFile(file)).digest('hex');

describe('referenced standards in the report', () => {
  it('pins the GeoJSON standard, manifest and schemas, in an OParl run that judges Locations', async () => {
    const server = await startOParlServer();
    try {
      const report = await run({ suite: 'oparl-1.1', profile: 'without-https', target: { url: server.url }, limits: { ratePerHost: 0 } });
      expect(report.referencedStandards?.map(({ id }) => id)).toEqual(['geojson']);
      const [geojson] = report.referencedStandards!;
      expect(geojson!.manifestSha256).toBe(await sha256(join(GEOJSON_STANDARD, 'manifest.yaml')));
      const schema = geojson!.artifacts.find(({ path }) => path === 'schema/Feature.json');
      expect(schema?.sha256).toBe(await sha256(join(GEOJSON_STANDARD, 'schema', 'Feature.json')));
      expect(validateReport(report)).toEqual([]);
      expect([...summaryChunks(report, { lang: 'en' })].join('')).toContain(`manifest sha256 \`${geojson!.manifestSha256}\``);
    } finally {
      await server.close();
    }
  });

  it('names none where no check judges by another standard', async () => {
    const examples = join(PACKAGE_ROOT, 'fixtures', 'xrechnung', 'instances', 'cen-en16931-examples');
    const report = await run({ suite: 'xrechnung-3.0', target: { files: [join(examples, await firstInstance(examples))] } });
    expect(report.referencedStandards).toBeUndefined();
  });
});

async function firstInstance(dir: string): Promise<string> {
  const { readdir } = await import('node:fs/promises');
  const entries = await readdir(dir, { recursive: true });
  return entries.filter((entry) => entry.endsWith('.xml')).sort()[0]!;
}
