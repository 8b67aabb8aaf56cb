/** "Did you mean …?" hints for a misspelled name (a check kind, an option). */

/** Levenshtein distance: the fewest insertions, deletions and substitutions from a to b. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/** The candidates a few edits away from `name` (case ignored) or containing it, closest first. */
export function closeMatches(name: string, candidates: Iterable<string>, most = 3): string[] {
  const wanted = name.toLowerCase();
  const limit = Math.max(2, Math.floor(wanted.length / 3));
  return [...candidates]
    .map((candidate) => {
      const lower = candidate.toLowerCase();
      return { candidate, distance: wanted.length >= 3 && lower.includes(wanted) ? 0 : editDistance(wanted, lower) };
    })
    .filter(({ distance }) => distance <= limit)
    .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
    .slice(0, most)
    .map(({ candidate }) => candidate);
}

/** ` (did you mean "a" or "b"?)`, or '' when no candidate is close. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const matches = closeMatches(name, candidates).map((match) => `"${match}"`);
  return matches.length > 0 ? ` (did you mean ${matches.join(' or ')}?)` : '';
}
