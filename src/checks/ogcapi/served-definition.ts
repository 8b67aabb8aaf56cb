/**
 * The API definition the landing page links as `service-desc`, fetched once per run as OpenAPI 3.0
 * JSON (the link whose type is `application/vnd.oai.openapi+json;version=3.0`, else the first one)
 * and loaded with the standard's building blocks pinned (src/ogcapi/api-definition.ts); the
 * documents its references lead to are fetched from the hosts given with `--allow-ref-host`
 * (`target.refHosts`) only, each request shared as every request of the checks, and named in the
 * report.
 */
import { createAllowlist } from '../../http/allowlist.js';
import { transportFailureFinding } from '../../http/failure-finding.js';
import { loadServedDefinition, type ServedDefinition } from '../../ogcapi/api-definition.js';
import type { RefFetcher } from '../../ogcapi/remote-refs.js';
import { linksOf, linkUrl, withRel } from '../../ogcapi/links.js';
import { OPENAPI_JSON } from '../../ogcapi/media-types.js';
import { mediaTypeMatches, parseMediaType } from '../../openapi/media-type.js';
import { isJsonObject } from '../../openapi/refs.js';
import type { CheckContext } from '../types.js';
import { fetchOnce, type Fetched } from './fetch.js';
import { landingPage } from './resources.js';

const BUILDING_BLOCKS_DIR = 'openapi/';
/** What a referenced document is asked for as: OpenAPI or JSON Schema, in JSON or YAML. */
export const REFERENCED_DOCUMENT = 'application/json, application/yaml, application/vnd.oai.openapi, text/yaml;q=0.9, */*;q=0.5';

export type Served =
  { found: false; reason: string; fetched: Fetched } | { found: true; fetched: Fetched; version: string; definition: ServedDefinition };

export function isOpenApi30(type: string | undefined): boolean {
  const [wanted, actual] = [parseMediaType(OPENAPI_JSON), parseMediaType(type ?? '')];
  return wanted !== undefined && actual !== undefined && mediaTypeMatches(wanted, actual) && mediaTypeMatches(actual, wanted);
}

/** Gets referenced documents from the hosts of `--allow-ref-host`; undefined without any. */
function refFetcher(context: CheckContext): RefFetcher | undefined {
  const hosts = context.target.refHosts ?? [];
  if (hosts.length === 0) return undefined;
  const allowlist = createAllowlist(hosts);
  return {
    allows: (url) => allowlist.allows(url),
    async get(url) {
      const fetched = await fetchOnce(context, url, REFERENCED_DOCUMENT);
      if (fetched.failure) return { problem: transportFailureFinding(fetched.failure).message };
      if (fetched.response.status !== 200) return { problem: `answered ${fetched.response.status}, not 200` };
      return { body: fetched.response.body, url: fetched.response.url };
    },
  };
}

export function servedDefinition(context: CheckContext): Promise<Served> {
  return context.memo('ogcapi:served-definition', async (): Promise<Served> => {
    const landing = await landingPage(context);
    const links = withRel(linksOf(landing.json), 'service-desc');
    const link = links.find((candidate) => isOpenApi30(candidate.type)) ?? links[0];
    const url = link ? linkUrl(link, landing.url) : undefined;
    if (!url) return { found: false, reason: 'the landing page links no API definition (rel service-desc)', fetched: landing };
    const fetched = await fetchOnce(context, url, isOpenApi30(link?.type) ? OPENAPI_JSON : (link?.type ?? OPENAPI_JSON));
    if (fetched.failure) return { found: false, reason: transportFailureFinding(fetched.failure).message, fetched };
    if (fetched.response.status !== 200 || !isJsonObject(fetched.json)) {
      return { found: false, reason: `GET ${url} ${fetched.jsonError ?? `answered ${fetched.response.status} without a JSON object`}`, fetched };
    }
    const version = typeof fetched.json.openapi === 'string' ? fetched.json.openapi : String(fetched.json.swagger ?? 'none');
    const pinned = new Set(
      context.standard.artifacts
        .filter((artifact) => artifact.path.startsWith(BUILDING_BLOCKS_DIR))
        .map((artifact) => artifact.path.slice(BUILDING_BLOCKS_DIR.length)),
    );
    const fetcher = refFetcher(context);
    const source = { standardDir: context.standard.dir, pinnedFiles: pinned, url: fetched.response.url, ...(fetcher ? { fetcher } : {}) };
    const definition = await loadServedDefinition(fetched.json, source);
    for (const document of definition.fetched) context.noteFetchedDocument?.(document);
    return { found: true, fetched, version, definition };
  });
}
