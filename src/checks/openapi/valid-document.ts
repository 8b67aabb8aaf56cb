/**
 * The checks that read the declared document run only when it is valid. An invalid document
 * fails `openapi.document` (OAS-DOC-VALID, OAS-SCHEMA-VALID); every check that depends on it
 * has one result, cantTell, as nothing it would judge can be derived from the document.
 */
import type { CheckOutput } from '../../model/types.js';
import type { CheckKind, Subject } from '../types.js';
import { declared } from './shared.js';

const INVALID_DOCUMENT: Subject = { id: 'invalid-document', title: 'the declared document (invalid)' };

const undecided: CheckOutput = {
  outcome: 'cantTell',
  findings: [
    {
      code: 'document-invalid',
      message: 'the declared document is invalid (see the check of the document), so nothing can be derived from it',
    },
  ],
};

/** `kind`, with one cantTell result (for the whole document) when the declared document is invalid. */
export function needsValidDocument<Options>(kind: CheckKind<Options>): CheckKind<Options> {
  const { subjects } = kind;
  return {
    ...kind,
    ...(subjects && {
      async subjects(context, options, check) {
        return 'document' in (await declared(context)) ? subjects(context, options, check) : [INVALID_DOCUMENT];
      },
    }),
    async run(context, options, subject, check) {
      if (!('document' in (await declared(context)))) return undecided;
      return kind.run(context, options, subject, check);
    },
  };
}
