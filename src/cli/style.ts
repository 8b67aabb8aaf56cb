/** Terminal colours, off when NO_COLOR is set (https://no-color.org) or output is not a terminal. */
import type { Outcome } from '../model/outcome.js';

export interface Style {
  outcome(outcome: Outcome, text: string): string;
  /** A failed SHOULD or MAY. */
  warning(text: string): string;
  bold(text: string): string;
}

const CODES: Record<Outcome, number> = { passed: 32, failed: 31, cantTell: 33, inapplicable: 90, untested: 90 };
/** Magenta: apart from the red of a failed MUST and the yellow of cantTell. */
const WARNING_CODE = 35;

export function styleFor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): Style {
  const colour = Boolean(stream.isTTY) && !('NO_COLOR' in env && env.NO_COLOR !== '') && env.TERM !== 'dumb';
  if (!colour) return { outcome: (_, text) => text, warning: (text) => text, bold: (text) => text };
  return {
    outcome: (outcome, text) => `\u001b[${CODES[outcome]}m${text}\u001b[39m`,
    warning: (text) => `\u001b[${WARNING_CODE}m${text}\u001b[39m`,
    bold: (text) => `\u001b[1m${text}\u001b[22m`,
  };
}
