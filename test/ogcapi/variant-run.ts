/** Runs ogcapi-features-1.0 once against a variant or a mutant of the reference server (fixtures/ogcapi/). */
import type { MutantName } from '../../fixtures/ogcapi/mutants.js';
import { startOgcServer } from '../../fixtures/ogcapi/server.js';
import type { VariantName } from '../../fixtures/ogcapi/variants.js';
import { run } from '../../src/run/run.js';
import type { Report } from '../../src/model/report.js';

export async function runAgainst(server: { variant: VariantName } | { mutant: MutantName }): Promise<Report> {
  const started = await startOgcServer(server);
  try {
    return await run({ suite: 'ogcapi-features-1.0', target: { url: started.url }, limits: { ratePerHost: 0 } });
  } finally {
    await started.close();
  }
}

export const requirementOutcome = (report: Report, id: string) => report.requirements.find((requirement) => requirement.id === id)?.outcome;
