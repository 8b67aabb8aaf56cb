/**
 * The in-toto Statement v1 (https://github.com/in-toto/attestation/blob/main/spec/v1/statement.md)
 * that konform signs: its subjects are the files of an output folder, each named by its path
 * relative to the folder and identified by its sha256 (a DigestSet, digest_set.md); its predicate
 * describes the run (predicate.ts). In a DSSE envelope its payload type is
 * `application/vnd.in-toto+json` (spec/v1/envelope.md).
 */
import { expectArray, expectObject, expectString, malformed, parseJson } from './json-shape.js';
import { RUN_PREDICATE_TYPE, type RunPredicate } from './predicate.js';

export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
export const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';

export interface Subject {
  name: string;
  digest: { sha256: string };
}

export interface Statement {
  _type: typeof STATEMENT_TYPE;
  subject: Subject[];
  predicateType: typeof RUN_PREDICATE_TYPE;
  predicate: RunPredicate;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function runStatement(subject: Subject[], predicate: RunPredicate): Statement {
  return { _type: STATEMENT_TYPE, subject, predicateType: RUN_PREDICATE_TYPE, predicate };
}

/** The subjects of a statement read back; the predicate is taken as written (it is the signer's account). */
export interface ReadStatement {
  subjects: Map<string, string>;
  predicate: Partial<RunPredicate>;
}

function readSubject(value: unknown, where: string, pointer: string): { name: string; sha256: string } {
  const subject = expectObject(value, where, pointer);
  const name = expectString(subject.name, where, `${pointer}/name`);
  const digest = expectObject(subject.digest, where, `${pointer}/digest`);
  const sha256 = digest.sha256;
  if (typeof sha256 !== 'string' || !SHA256_HEX.test(sha256)) {
    throw malformed(where, `${pointer}/digest/sha256`, 'must be a sha256 in lowercase hex: konform checks files by their sha256');
  }
  return { name, sha256 };
}

/** The statement of a konform run attestation in `payload`; anything else is ATTESTATION_INVALID, saying where. */
export function readStatement(payload: Buffer, file: string): ReadStatement {
  const where = `${file} (the statement in /payload)`;
  const statement = expectObject(parseJson(payload.toString('utf8'), where, '', 'the statement'), where, '');
  if (statement._type !== STATEMENT_TYPE) throw malformed(where, '/_type', `must be ${STATEMENT_TYPE}`);
  if (statement.predicateType !== RUN_PREDICATE_TYPE) {
    throw malformed(where, '/predicateType', `must be ${RUN_PREDICATE_TYPE}: konform verifies the attestations of its own runs`);
  }
  const subjects = new Map<string, string>();
  for (const [index, value] of expectArray(statement.subject, where, '/subject').entries()) {
    const { name, sha256 } = readSubject(value, where, `/subject/${index}`);
    if (subjects.has(name)) throw malformed(where, `/subject/${index}/name`, `names ${name} a second time`);
    subjects.set(name, sha256);
  }
  const predicate = statement.predicate === undefined ? {} : expectObject(statement.predicate, where, '/predicate');
  return { subjects, predicate: predicate as Partial<RunPredicate> };
}
