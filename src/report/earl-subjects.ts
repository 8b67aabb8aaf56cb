/**
 * The test subjects of report.earl.jsonld (earl:TestSubject, EARL 1.0 §2.4): what the run
 * tested — the endpoint by its URL, or the message files together — with its parts: the
 * declared document with its sha256, each message file, and each part of the target a check
 * judged on its own (an operation, an object type). Parts are blank nodes, as a file's path
 * is relative to where konform ran and names no resource of its own.
 */
import type { CheckResult, Report } from '../model/report.js';
import { sha256Checksum } from './earl-context.js';

export type EarlNode = Record<string, unknown>;

export interface EarlSubjects {
  /** The node of the whole target: the subject of every requirement. */
  target: string;
  /** The target's nodes, the declared document's and every message file's. */
  nodes(): Generator<EarlNode>;
  /** The subject of a result, with its node on its first use. */
  subjectOf(result: CheckResult): { id: string; node?: EarlNode };
}

const SUBJECT = 'earl:TestSubject';

export function earlSubjects(report: Report): EarlSubjects {
  const { url, spec, files = [] } = report.target;
  const target = url ?? '_:target';
  const fileIds = new Map(files.map((file, index) => [file, `_:file-${index}`]));
  const partIds = new Map<string, string>();

  function* nodes(): Generator<EarlNode> {
    const title = url ?? `${files.length} message file${files.length === 1 ? '' : 's'}`;
    yield { '@id': target, '@type': SUBJECT, 'dct:title': title, ...(spec ? { 'dct:hasPart': '_:document' } : {}) };
    if (spec) {
      yield {
        '@id': '_:document', '@type': SUBJECT, 'dct:identifier': spec.path, 'dct:title': spec.title ?? spec.path,
        ...(spec.version !== undefined ? { 'dct:hasVersion': spec.version } : {}),
        'spdx:checksum': sha256Checksum(spec.sha256), 'dct:isPartOf': target,
      };
    }
    for (const [file, id] of fileIds) yield { '@id': id, '@type': SUBJECT, 'dct:identifier': file, 'dct:title': file, 'dct:isPartOf': target };
  }

  function subjectOf(result: CheckResult): { id: string; node?: EarlNode } {
    const subject = result.subject;
    if (!subject) return { id: target };
    const known = fileIds.get(subject.id) ?? partIds.get(subject.id);
    if (known) return { id: known };
    const id = `_:part-${partIds.size}`;
    partIds.set(subject.id, id);
    return { id, node: { '@id': id, '@type': SUBJECT, 'dct:identifier': subject.id, 'dct:title': subject.title, 'dct:isPartOf': target } };
  }

  return { target, nodes, subjectOf };
}
