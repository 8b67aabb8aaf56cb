/**
 * What the XML check kinds share: one subject per message file of the target, and the
 * `match` option that restricts a check to files with given root elements (a scenario, as
 * in KoSIT's scenarios.xml). A file whose root does not match makes the check inapplicable;
 * a file without a root is never passed over.
 */
import type { CheckOutput, CheckSpec } from '../../model/types.js';
import type { FileRoot } from '../../xml/document-pass.js';
import type { CheckContext, CheckKind, Subject } from '../types.js';
import { documentOf } from './document.js';

/** JSON Schema of `match`: root elements in Clark notation, `{namespace}localName`. */
export const MATCH_SCHEMA = {
  type: 'array',
  minItems: 1,
  items: { type: 'string', pattern: '^\\{[^{}]*\\}[^{}\\s]+$' },
} as const;

export async function fileSubjects(context: CheckContext): Promise<Subject[]> {
  return (context.target.files ?? []).map((file) => ({ id: file, title: file, data: file }));
}

export function subjectFile(subject: Subject | undefined): string {
  if (!subject) throw new Error('an XML check runs per file');
  return subject.id;
}

/**
 * The file's root element, found in its one pass (document.ts). A file that cannot be read
 * rejects: konform cannot tell which checks are for it.
 */
export async function rootOf(context: CheckContext, file: string): Promise<FileRoot> {
  return (await documentOf(context, file)).root;
}

/**
 * The output of a check when the file's root is not one in `match`: inapplicable for another
 * document type. A file without a root is never passed over: failed when it is not
 * well-formed, cantTell when it was too large to read. Undefined when the check is for the file.
 */
export async function outsideScenario(context: CheckContext, file: string, match: readonly string[] | undefined): Promise<CheckOutput | undefined> {
  if (!match) return undefined;
  const found = await rootOf(context, file);
  if ('rootless' in found) {
    const { findings, tooLarge } = found.rootless;
    if (tooLarge) return { outcome: 'cantTell', findings };
    const message = 'the file is not well-formed XML, so konform cannot name its root element and it is no document of the types this check validates (the well-formedness check lists its errors)';
    return { outcome: 'failed', findings: [{ code: 'not-well-formed', message, severity: 'error', params: { match }, location: { file } }] };
  }
  if (match.includes(found.root)) return undefined;
  return {
    outcome: 'inapplicable',
    findings: [{ code: 'other-document-type', message: `the root element ${found.root} is not one this check is for`, params: { root: found.root, match } }],
  };
}

export interface FileKindSpec<Options> {
  name: string;
  description: string;
  /** Options of its own; `match` is added. */
  properties: Record<string, unknown>;
  required: string[];
  judge(context: CheckContext, options: Options, file: string, check: CheckSpec): Promise<CheckOutput>;
  /** Subjects found as fileSubjects finds them, with what the kind registers beforehand. */
  subjects?: CheckKind<Options>['subjects'];
  lint?: CheckKind<Options>['lint'];
}

/** A kind that judges each file whose root element is one `match` names (every file without it). */
export function perFileKind<Options extends { match?: string[] }>(spec: FileKindSpec<Options>): CheckKind<Options> {
  return {
    name: spec.name,
    description: spec.description,
    optionsSchema: { type: 'object', additionalProperties: false, required: spec.required, properties: { ...spec.properties, match: MATCH_SCHEMA } },
    needs: ['files'],
    subjects: spec.subjects ?? fileSubjects,
    ...(spec.lint ? { lint: spec.lint } : {}),
    async run(context, options, subject, check): Promise<CheckOutput> {
      const file = subjectFile(subject);
      return (await outsideScenario(context, file, options.match)) ?? spec.judge(context, options, file, check);
    },
  };
}
