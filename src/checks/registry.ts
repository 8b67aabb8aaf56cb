/**
 * The check-kind registry: every family registers here with one line, and each kind is named
 * `<family>.<name>`. A family's modules are loaded when a suite first names one of its kinds,
 * so an OpenAPI run does not load the OGC API or OParl kinds.
 */
import type { CheckKind } from './types.js';

type Kinds = readonly CheckKind<never>[];

const FAMILIES: Readonly<Record<string, () => Promise<Kinds>>> = {
  http: async () => (await import('./http/index.js')).HTTP_KINDS,
  ogcapi: async () => (await import('./ogcapi/index.js')).OGCAPI_KINDS,
  openapi: async () => (await import('./openapi/index.js')).OPENAPI_KINDS,
  oparl: async () => (await import('./oparl/index.js')).OPARL_KINDS,
  xml: async () => (await import('./xml/index.js')).XML_KINDS,
  xoev: async () => (await import('./xoev/index.js')).XOEV_KINDS,
};

const loadedFamilies = new Map<string, Promise<Kinds>>();
const kinds = new Map<string, CheckKind<never>>();

const familyOf = (kindName: string): string => kindName.slice(0, kindName.indexOf('.'));

function loadFamily(family: string): Promise<Kinds> {
  let loading = loadedFamilies.get(family);
  if (!loading) {
    loading = (FAMILIES[family] as () => Promise<Kinds>)().then((loaded) => {
      for (const kind of loaded) kinds.set(kind.name, kind);
      return loaded;
    });
    loadedFamilies.set(family, loading);
  }
  return loading;
}

/** Loads the families of the named kinds; a name of no known family loads nothing (checkKind then says it is unknown). */
export async function loadCheckKinds(kindNames: Iterable<string>): Promise<void> {
  const families = new Set([...kindNames].map(familyOf).filter((family) => Object.hasOwn(FAMILIES, family)));
  await Promise.all([...families].map(loadFamily));
}

/** A kind of a family loaded with loadCheckKinds; undefined when there is no such kind. */
export function checkKind(name: string): CheckKind<never> | undefined {
  return kinds.get(name);
}

/** Every check kind konform has, by name. */
export async function allCheckKinds(): Promise<ReadonlyMap<string, CheckKind<never>>> {
  await Promise.all(Object.keys(FAMILIES).map(loadFamily));
  return new Map([...kinds].sort(([a], [b]) => a.localeCompare(b)));
}
