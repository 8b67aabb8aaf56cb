/** `--param name=value` (repeatable): values for path and query parameters by name. */
import { ERROR_CODES, KonformError } from '../model/errors.js';

/** Commander's collector for one `--param`: adds `name=value` to the values seen so far. */
export function collectParam(text: string, seen: Record<string, string> = {}): Record<string, string> {
  const separator = text.indexOf('=');
  if (separator <= 0) throw new KonformError(ERROR_CODES.USAGE, `--param takes name=value, got "${text}"`);
  return { ...seen, [text.slice(0, separator)]: text.slice(separator + 1) };
}
