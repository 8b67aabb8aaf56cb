/**
 * The folder of each run of a batch, inside the batch's output folder: `<suite>--<subject>`,
 * readable and safe on every file system (letters, digits, `.`, `_`, `-`). Names come from the
 * whole plan, whatever shard runs, so a run's folder is the same in every shard; where two runs'
 * names would meet, each gets the first 8 hex digits of its key's sha256.
 */
import { basename } from 'node:path';
import { sha256 } from '../core/sha256.js';

const MAX_PART = 60;

function slug(text: string): string {
  const safe = text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '');
  return safe.slice(0, MAX_PART).replace(/-+$/, '') || 'run';
}

/** A URL without its scheme and query; files as written. */
function subjectSlug(subject: string): string {
  return slug(URL.canParse(subject) ? ((url) => `${url.host}${url.pathname}`)(new URL(subject)) : subject);
}

export function runFolders(runs: ReadonlyArray<{ suiteName: string; subject: string; key: string }>): string[] {
  const names = runs.map(({ suiteName: suite, subject }) => `${slug(basename(suite).replace(/\.ya?ml$/, ''))}--${subjectSlug(subject)}`);
  const count = new Map<string, number>();
  for (const name of names) count.set(name, (count.get(name) ?? 0) + 1);
  return names.map((name, index) => ((count.get(name) ?? 0) > 1 ? `${name}-${sha256((runs[index] as { key: string }).key).slice(0, 8)}` : name));
}
