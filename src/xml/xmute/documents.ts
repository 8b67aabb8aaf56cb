/**
 * Writes the mutated documents of the planned declarations into one folder, each distinct
 * document once (every identity declaration of a sample shares the sample's copy), named
 * after the sample and the declaration's line so a reader can find them. A mutated document
 * that is not well-formed (a code value with a character XML does not allow, say) is not
 * written: its declaration cannot be tested as written.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { blocksCheck } from '../../judge/judgement.js';
import { sha256 } from '../../core/sha256.js';
import { parseXml } from '../parse.js';
import type { PlannedDeclaration } from './samples.js';

export type WrittenVariant = { label: string; path: string } | { label: string; problem: string };

function wellFormedProblem(bytes: Buffer, path: string): string | undefined {
  const parsed = parseXml(bytes, path);
  parsed.document?.dispose();
  const problem = parsed.findings.find(blocksCheck);
  return problem ? `the mutated document is not well-formed XML: ${problem.message}` : undefined;
}

/** The written documents per declaration (in the order of its variants) and every path written. */
export async function writeDocuments(
  declarations: readonly PlannedDeclaration[],
  folder: string,
): Promise<{ variants: Map<PlannedDeclaration, WrittenVariant[]>; files: string[] }> {
  const byContent = new Map<string, string>();
  const variants = new Map<PlannedDeclaration, WrittenVariant[]>();
  for (const declaration of declarations) {
    if (declaration.preparation.status !== 'ready') continue;
    const written: WrittenVariant[] = [];
    for (const [index, variant] of declaration.preparation.variants.entries()) {
      const bytes = Buffer.from(variant.text, 'utf8');
      const key = sha256(bytes);
      let path = byContent.get(key);
      if (!path) {
        path = join(folder, declaration.samplePath.replace(/\.xml$/i, ''), `line-${declaration.line}-${index + 1}.xml`);
        const problem = wellFormedProblem(bytes, path);
        if (problem) {
          written.push({ label: variant.label, problem });
          continue;
        }
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, bytes);
        byContent.set(key, path);
      }
      written.push({ label: variant.label, path });
    }
    variants.set(declaration, written);
  }
  return { variants, files: [...byContent.values()] };
}
