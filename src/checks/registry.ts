/** The check-kind registry: every family registers its kinds here with one line each. */
import type { CheckKind } from './types.js';
import { OPENAPI_KINDS } from './openapi/index.js';

const FAMILIES: ReadonlyArray<readonly CheckKind<never>[]> = [OPENAPI_KINDS];

export const CHECK_KINDS: ReadonlyMap<string, CheckKind<never>> = new Map(
  FAMILIES.flat().map((kind) => [kind.name, kind] as const),
);

export function checkKind(name: string): CheckKind<never> | undefined {
  return CHECK_KINDS.get(name);
}
