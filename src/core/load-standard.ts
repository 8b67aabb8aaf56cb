/**
 * Loads a pinned standard version (`standards/<id>/<version>/manifest.yaml`): every artifact
 * is verified against the sha256 in the manifest, the requirement catalogue is one of them.
 * A standard loaded before in the process is reused while its manifest has the same bytes and
 * its artifacts verify (artifact-read.ts): the manifest pins every artifact, the catalogue too.
 */
import { join } from 'node:path';
import { readArtifact, verifyArtifact } from './artifact-read.js';
import { bytesOf, currentHash } from './file-hash.js';
import { ERROR_CODES, KonformError } from '../model/errors.js';
import type { Artifact, Standard } from '../model/types.js';
import { requirementsWithLanguage, type Catalogue } from './catalogue-languages.js';
import { checkAgainstSchema } from './schema-check.js';
import { parseYamlText, readSourceFile } from './yaml-source.js';

interface Manifest {
  id: string;
  version: string;
  title: string;
  requirements: string;
  artifacts: Artifact[];
}

/** The standard last loaded from each manifest file, with the sha256 of the manifest's bytes. */
const loaded = new Map<string, { manifestSha256: string; standard: Standard }>();

export async function loadStandard(dir: string): Promise<Standard> {
  const manifestFile = join(dir, 'manifest.yaml');
  const current = await readSourceFile(manifestFile, ERROR_CODES.STANDARD_NOT_FOUND, currentHash);
  const known = loaded.get(manifestFile);
  if (known?.manifestSha256 === current.sha256) {
    await Promise.all(known.standard.artifacts.map((artifact) => verifyArtifact(dir, artifact)));
    return known.standard;
  }
  const { bytes, sha256: manifestSha256 } = await readSourceFile(manifestFile, ERROR_CODES.STANDARD_NOT_FOUND, (path) => bytesOf(path, current));
  const standard = await parseStandard(dir, manifestFile, bytes, manifestSha256);
  loaded.set(manifestFile, { manifestSha256, standard });
  return standard;
}

async function parseStandard(dir: string, manifestFile: string, bytes: Buffer, manifestSha256: string): Promise<Standard> {
  const source = parseYamlText(manifestFile, bytes.toString('utf8'), ERROR_CODES.STANDARD_INVALID);
  checkAgainstSchema('standard', source, ERROR_CODES.STANDARD_INVALID, 'standard manifest');
  const manifest = source.data as Manifest;
  const catalogue = manifest.artifacts.find((artifact) => artifact.path === manifest.requirements);
  if (!catalogue) {
    throw new KonformError(
      ERROR_CODES.STANDARD_INVALID,
      `the requirement catalogue ${manifest.requirements} is not a listed artifact`,
      source.locate('/requirements'),
    );
  }
  // The catalogue is read (and verified) once, with the other artifacts verified beside it.
  const [catalogueBytes] = await Promise.all([
    readArtifact(dir, catalogue),
    ...manifest.artifacts.filter((artifact) => artifact !== catalogue).map((artifact) => verifyArtifact(dir, artifact)),
  ]);
  const catalogueFile = join(dir, catalogue.path);
  const catalogueSource = parseYamlText(catalogueFile, catalogueBytes.toString('utf8'), ERROR_CODES.STANDARD_INVALID);
  checkAgainstSchema('requirements', catalogueSource, ERROR_CODES.STANDARD_INVALID, 'requirement catalogue');
  const requirements = requirementsWithLanguage(catalogueSource.data as Catalogue, catalogueSource);
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
    manifestSha256,
  };
}
