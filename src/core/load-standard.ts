/**
 * Loads a pinned standard version (`standards/<id>/<version>/manifest.yaml`): every artifact
 * is verified against the sha256 in the manifest, the requirement catalogue is one of them.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ERROR_CODES, KonformError } from './errors.js';
import type { Artifact, Requirement, Standard } from './model.js';
import requirementsSchema from './requirements.schema.json' with { type: 'json' };
import { checkAgainstSchema } from './schema-check.js';
import { sha256 } from './sha256.js';
import manifestSchema from './standard.schema.json' with { type: 'json' };
import { parseYamlText, readYamlFile } from './yaml-source.js';

interface Manifest {
  id: string;
  version: string;
  title: string;
  requirements: string;
  artifacts: Artifact[];
}

/** Reads an artifact of a standard and verifies its hash; a mismatch is an error. */
export async function readArtifact(dir: string, artifact: Artifact): Promise<Buffer> {
  const file = join(dir, artifact.path);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new KonformError(ERROR_CODES.STANDARD_INVALID, `artifact missing: ${(error as Error).message}`, { file });
  }
  const actual = sha256(bytes);
  if (actual !== artifact.sha256) {
    throw new KonformError(
      ERROR_CODES.ARTIFACT_HASH_MISMATCH,
      `sha256 is ${actual}, the manifest pins ${artifact.sha256}`,
      { file },
    );
  }
  return bytes;
}

export async function loadStandard(dir: string): Promise<Standard> {
  const manifestFile = join(dir, 'manifest.yaml');
  const source = await readYamlFile(manifestFile, ERROR_CODES.STANDARD_INVALID, ERROR_CODES.STANDARD_NOT_FOUND);
  checkAgainstSchema(manifestSchema, source, ERROR_CODES.STANDARD_INVALID, 'standard manifest');
  const manifest = source.data as Manifest;
  const catalogue = manifest.artifacts.find((artifact) => artifact.path === manifest.requirements);
  if (!catalogue) {
    throw new KonformError(
      ERROR_CODES.STANDARD_INVALID,
      `the requirement catalogue ${manifest.requirements} is not a listed artifact`,
      source.locate('/requirements'),
    );
  }
  await Promise.all(manifest.artifacts.map((artifact) => readArtifact(dir, artifact)));
  const catalogueFile = join(dir, catalogue.path);
  const catalogueSource = parseYamlText(
    catalogueFile,
    (await readArtifact(dir, catalogue)).toString('utf8'),
    ERROR_CODES.STANDARD_INVALID,
  );
  checkAgainstSchema(requirementsSchema, catalogueSource, ERROR_CODES.STANDARD_INVALID, 'requirement catalogue');
  const requirements = (catalogueSource.data as { requirements: Requirement[] }).requirements;
  const seen = new Set<string>();
  requirements.forEach((requirement, index) => {
    if (seen.has(requirement.id)) {
      throw new KonformError(
        ERROR_CODES.STANDARD_INVALID,
        `duplicate requirement id ${requirement.id}`,
        catalogueSource.locate(`/requirements/${index}/id`),
      );
    }
    seen.add(requirement.id);
  });
  return {
    id: manifest.id,
    version: manifest.version,
    title: manifest.title,
    dir,
    artifacts: manifest.artifacts,
    requirements,
    manifestSha256: sha256(await readFile(manifestFile)),
  };
}
