/**
 * Re-pinning a standard after one of its artifacts changed: each artifact's file is hashed
 * and compared with the sha256 its manifest.yaml pins; writing replaces only the text of the
 * stale sha256 values, so comments, quoting and layout stay as they are.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isScalar } from 'yaml';
import { boundedMap } from './bounded-map.js';
import { ERROR_CODES, KonformError } from '../model/errors.js';
import { readHashed } from './file-hash.js';
import type { Artifact } from '../model/types.js';
import { checkAgainstSchema } from './schema-check.js';
import { parseYamlText, readSourceFile, type YamlSource } from './yaml-source.js';

export interface StalePin {
  path: string;
  pinned: string;
  actual: string;
}

export interface PinReview {
  manifestFile: string;
  artifacts: number;
  stale: StalePin[];
}

/** Artifacts hashed at once: a standard of a thousand code lists must not open them all together. */
const FILES_IN_FLIGHT = 32;

async function hashOf(dir: string, path: string): Promise<string | { unreadable: string }> {
  try {
    return (await readHashed(join(dir, path))).sha256;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { unreadable: `${path} (${code === 'ENOENT' ? 'no such file' : (error as Error).message})` };
  }
}

/** The manifest's text with the stale sha256 values replaced, last first so that earlier offsets hold. */
function repinnedText(text: string, source: YamlSource, stale: Array<StalePin & { index: number }>): string {
  let result = text;
  for (const pin of [...stale].reverse()) {
    const node = source.document.getIn(['artifacts', pin.index, 'sha256'], true);
    if (!isScalar(node) || !node.range) {
      const message = `the sha256 of ${pin.path} is not written out (an alias?), so konform cannot rewrite it`;
      throw new KonformError(ERROR_CODES.STANDARD_INVALID, message, source.locate(`/artifacts/${pin.index}/sha256`));
    }
    const [start, end] = node.range;
    result = result.slice(0, start) + result.slice(start, end).replace(pin.pinned, pin.actual) + result.slice(end);
  }
  return result;
}

/**
 * Compares the pins of the standard in `dir` with its files and, with `write`, rewrites the
 * stale ones. An artifact that cannot be read is an error, and nothing is written then.
 */
export async function pinStandard(dir: string, { write }: { write: boolean }): Promise<PinReview> {
  const manifestFile = join(dir, 'manifest.yaml');
  const text = await readSourceFile(manifestFile, ERROR_CODES.STANDARD_NOT_FOUND, (file) => readFile(file, 'utf8'));
  const source = parseYamlText(manifestFile, text, ERROR_CODES.STANDARD_INVALID);
  checkAgainstSchema('standard', source, ERROR_CODES.STANDARD_INVALID, 'standard manifest');
  const artifacts = (source.data as { artifacts: Artifact[] }).artifacts;
  const hashes = await boundedMap(artifacts, FILES_IN_FLIGHT, (artifact) => hashOf(dir, artifact.path));
  const unreadable = hashes.flatMap((hash) => (typeof hash === 'string' ? [] : [hash.unreadable]));
  if (unreadable.length > 0) {
    throw new KonformError(ERROR_CODES.STANDARD_INVALID, `cannot read artifacts the manifest pins:\n  ${unreadable.join('\n  ')}`, { file: manifestFile });
  }
  const stale = artifacts.flatMap((artifact, index) => {
    const actual = hashes[index] as string;
    return actual === artifact.sha256 ? [] : [{ path: artifact.path, pinned: artifact.sha256, actual, index }];
  });
  if (write && stale.length > 0) await writeFile(manifestFile, repinnedText(text, source, stale));
  return { manifestFile, artifacts: artifacts.length, stale: stale.map(({ path, pinned, actual }) => ({ path, pinned, actual })) };
}
