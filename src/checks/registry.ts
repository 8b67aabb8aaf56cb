/** The check-kind registry: every family registers its kinds here with one line each. */
import type { CheckKind } from './types.js';
import { HTTP_KINDS } from './http/index.js';
import { OGCAPI_KINDS } from './ogcapi/index.js';
import { OPENAPI_KINDS } from './openapi/index.js';
import { OPARL_KINDS } from './oparl/index.js';
import { XML_KINDS } from './xml/index.js';
import { XOEV_KINDS } from './xoev/index.js';

const FAMILIES: ReadonlyArray<readonly CheckKind<never>[]> = [HTTP_KINDS, OGCAPI_KINDS, OPENAPI_KINDS, OPARL_KINDS, XML_KINDS, XOEV_KINDS];

export const CHECK_KINDS: ReadonlyMap<string, CheckKind<never>> = new Map(
  FAMILIES.flat().map((kind) => [kind.name, kind] as const),
);

export function checkKind(name: string): CheckKind<never> | undefined {
  return CHECK_KINDS.get(name);
}
