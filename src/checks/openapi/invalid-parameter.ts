/**
 * `openapi.invalid-parameter`: an otherwise valid request with one parameter value the schema
 * rules out (wrong type, outside the enum) is refused with a client error (RFC 9110 §15.5.1).
 * A refusal proves something only where the valid request succeeded; otherwise it is cantTell.
 */
import { invalidParameterValue } from '../../openapi/invalid-values.js';
import { lintDeciding } from '../decided-rules.js';
import type { CheckKind } from '../types.js';
import { inapplicable, succeeded, transportFailure, withoutSuccess } from './outputs.js';
import { notFoundCantTell } from './not-found.js';
import { RULE } from './rules.js';
import { callOperation, operationSubjects, requestFor, send, subjectOperation } from './shared.js';
import { refusalOutput } from './statuses.js';

export const invalidParameterKind: CheckKind = {
  name: 'openapi.invalid-parameter',
  description: 'A request with a wrong-typed or out-of-enum parameter value is answered with 4xx',
  needs: ['endpoint', 'spec'],
  lint: lintDeciding([RULE.INVALID_PARAMETER]),
  subjects: operationSubjects,
  async run(context, _options, subject) {
    const { document, operation } = await subjectOperation(context, subject);
    const invalid = invalidParameterValue(document.data, operation);
    if (!invalid) return inapplicable('no parameter of the operation has a type or enum that rules a value out');
    const valid = await callOperation(context, document, operation);
    if ('failure' in valid) return transportFailure(valid.failure, operation);
    if (!succeeded(valid.response)) {
      const notFound = await notFoundCantTell(context, document, operation, valid.response);
      return notFound ?? withoutSuccess(operation, valid.response, 'a refusal of an invalid value would prove nothing');
    }
    const { parameter, value, reason, expected } = invalid;
    const call = await send(context, requestFor(context, document, operation, { parameter, value }));
    if ('failure' in call) return transportFailure(call.failure, operation);
    const shown = JSON.stringify(value);
    const why = reason === 'wrongType' ? `is no ${expected}` : `is not one of ${expected}`;
    return refusalOutput(
      {
        request: `${operation.method} ${operation.path} with ${parameter.in} parameter ${parameter.name} = ${shown} (which ${why})`,
        expected: 'a client error, 4xx (RFC 9110 §15.5.1)',
        accepts: (status) => status >= 400 && status < 500,
        location: { operation: operation.key, specPointer: parameter.pointer },
        params: { parameter: parameter.name, in: parameter.in, value, reason, allowed: expected },
      },
      call.response,
    );
  },
};
