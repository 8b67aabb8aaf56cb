/**
 * Mutated suite files: a valid suite.yaml changed in its data (a key removed, renamed or given
 * a value of another type, an entry repeated, a real check kind or requirement put elsewhere)
 * or in its text (cut, bytes inserted, a line repeated or dropped, a byte order mark, bytes that
 * are not UTF-8); and, apart, aliases: bombs and aliases of no anchor.
 */
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { insertBytes, strayContinuationBytes } from './bytes.js';

type Data = unknown;
type Path = ReadonlyArray<string | number>;

export interface Vocabulary {
  /** Every check kind konform has. */
  kinds: readonly string[];
  /** Requirement IDs, of the suite's standard and others. */
  requirements: readonly string[];
}

/** Every path to a value in `data`, the root excluded. */
function pathsOf(data: Data, prefix: Path = []): Path[] {
  if (data === null || typeof data !== 'object') return [];
  const entries: Array<[string | number, unknown]> = Array.isArray(data) ? data.map((value, index) => [index, value]) : Object.entries(data);
  return entries.flatMap(([key, value]) => [[...prefix, key], ...pathsOf(value, [...prefix, key])]);
}

type Container = Record<string | number, unknown>;

/** The container holding `path`'s last step, or undefined where the path no longer leads. */
function parentOf(data: Data, path: Path): Container | undefined {
  let node = data;
  for (const step of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Container)[step];
  }
  return node !== null && typeof node === 'object' ? (node as Container) : undefined;
}

type Edit = (data: Data) => void;

const at =
  (path: Path, change: (parent: Container, key: string | number) => void): Edit =>
  (data) => {
    const parent = parentOf(data, path);
    const key = path.at(-1);
    if (parent && key !== undefined && key in parent) change(parent, key);
  };

function valueArbitrary(vocabulary: Vocabulary): fc.Arbitrary<unknown> {
  const word = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...vocabulary.kinds), fc.constantFrom(...vocabulary.requirements));
  const scalar = fc.oneof(word, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom('', '../../..', '1.0', 'full', 'x'.repeat(5000)));
  return fc.oneof(
    { weight: 3, arbitrary: scalar },
    { weight: 1, arbitrary: fc.array(scalar, { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.dictionary(fc.oneof(word, fc.constantFrom('budget', 'method', 'maxBytes', 'scheme')), scalar, { maxKeys: 3 }) },
  );
}

const removed = (parent: Container, key: string | number) => {
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else delete parent[key];
};
const renamed = (name: string) => (parent: Container, key: string | number) => {
  if (Array.isArray(parent)) return;
  parent[name] = parent[key];
  delete parent[key];
};
const repeated = (parent: Container, key: string | number) => {
  if (Array.isArray(parent)) parent.push(structuredClone(parent[key]));
};
const replaced = (value: unknown) => (parent: Container, key: string | number) => {
  parent[key] = value;
};
const wrapped = (parent: Container, key: string | number) => {
  parent[key] = [parent[key]];
};

/** Edits at a path of the suite: the entry removed, renamed, repeated in its list, replaced, or wrapped in a list. */
function editArbitrary(paths: readonly Path[], vocabulary: Vocabulary): fc.Arbitrary<Edit> {
  const path = fc.constantFrom(...paths);
  return fc.oneof(
    path.map((target) => at(target, removed)),
    fc.tuple(path, fc.string({ maxLength: 10 })).map(([target, name]) => at(target, renamed(name))),
    path.map((target) => at(target, repeated)),
    fc.tuple(path, valueArbitrary(vocabulary)).map(([target, value]) => at(target, replaced(value))),
    path.map((target) => at(target, wrapped)),
  );
}

/** Text that means something in YAML; aliases (`*`) are the family of aliasHazards. */
const SPECIALS = [':', '- ', '{', '}', '[', ']', '&a ', '!!str ', '!!binary ', '|', '>', "'", '"', '%YAML 1.1\n', '\t', '\n', '\u0000', '<<: ', '? ', '#'];

/** Changes to the text: each a function of the text to its new bytes. */
function textEditArbitrary(): fc.Arbitrary<(text: string) => string | Buffer> {
  const position = fc.nat();
  const lineAt = (text: string, n: number) => {
    const lines = text.split('\n');
    return { lines, index: n % lines.length };
  };
  return fc.oneof(
    position.map((n) => (text: string) => text.slice(0, n % (text.length + 1))),
    fc.tuple(position, fc.oneof(fc.constantFrom(...SPECIALS), fc.string({ maxLength: 8 }).map((text) => text.replaceAll('*', '')))).map(([n, inserted]) => (text: string) => {
      const cut = n % (text.length + 1);
      return text.slice(0, cut) + inserted + text.slice(cut);
    }),
    position.map((n) => (text: string) => {
      const { lines, index } = lineAt(text, n);
      lines.splice(index, 0, lines[index] ?? '');
      return lines.join('\n');
    }),
    position.map((n) => (text: string) => {
      const { lines, index } = lineAt(text, n);
      lines.splice(index, 1);
      return lines.join('\n');
    }),
    fc.constant((text: string) => `\uFEFF${text}`),
    fc.tuple(position, strayContinuationBytes).map(([n, bytes]) => (text: string) => insertBytes(Buffer.from(text), n, bytes)),
  );
}

/** Suite files mutated in their data, then maybe in their text. */
export function mutatedSuites(original: string, vocabulary: Vocabulary): fc.Arbitrary<string | Buffer> {
  const paths = pathsOf(parse(original));
  return fc
    .tuple(fc.array(editArbitrary(paths, vocabulary), { minLength: 0, maxLength: 4 }), fc.option(textEditArbitrary(), { freq: 3 }))
    .map(([edits, textEdit]) => {
      const data = parse(original) as Data;
      for (const edit of edits) edit(data);
      const text = edits.length === 0 ? original : stringify(data);
      return textEdit ? textEdit(text) : text;
    });
}

/**
 * YAML aliases (YAML 1.2 §3.2.2.2) that cannot be resolved to data: a bomb of `levels` anchored
 * sequences, each of `fanOut` aliases of the one before (far more nodes than text), before the
 * suite's keys or as its title; or an alias of an anchor that does not exist, as a value.
 */
export function aliasHazards(original: string): fc.Arbitrary<string> {
  const bomb = fc.record({ levels: fc.integer({ min: 4, max: 9 }), fanOut: fc.integer({ min: 4, max: 10 }), asTitle: fc.boolean() }).map(({ levels, fanOut, asTitle }) => {
    const anchors = Array.from({ length: levels }, (_, level) => `l${level}: &l${level} [${Array(fanOut).fill(level === 0 ? 'lol' : `*l${level - 1}`).join(', ')}]`);
    return asTitle ? original.replace(/^title: .*$/m, `title: {${anchors.join(', ')}}`) : `${anchors.join('\n')}\n${original}`;
  });
  const values = [...original.matchAll(/^(\s*(?:- )?[a-zA-Z]+: )(\S.*)$/gm)];
  const unresolved = fc.tuple(fc.nat(values.length - 1), fc.stringMatching(/^[a-z]{1,8}$/)).map(([index, anchor]) => {
    const line = values[index]!;
    return original.replace(line[0], `${line[1]}*${anchor}`);
  });
  return fc.oneof(bomb, unresolved);
}
