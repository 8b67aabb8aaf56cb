/**
 * A JSON array in pieces, one member per line: the formats that list tens of thousands of
 * results (EARL, SARIF) write them one at a time, never as one string.
 */

/** `[`, each member as compact JSON on a line of its own under `indent`, `]`. */
export function* jsonArrayLines(members: Iterable<unknown>, indent: string): Generator<string> {
  let count = 0;
  yield '[';
  for (const member of members) {
    yield `${count === 0 ? '' : ','}\n${indent}  ${JSON.stringify(member)}`;
    count += 1;
  }
  yield count === 0 ? ']' : `\n${indent}]`;
}
