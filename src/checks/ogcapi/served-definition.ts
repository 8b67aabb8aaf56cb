/**
 * The API definition the landing page links as `service-desc`, fetched once per run as OpenAPI 3.0
 * JSON (the link whose type is `application/vnd.oai.openapi+json;version=3.0`, else the first one)
 * and loaded with the standard's building blocks pinned (src/ogcapi/api-definition.ts).
 */
import { transportFailureFinding } from '../../http/failure-finding.js';
import { loadServedDefinition, type ServedDefinition } from '../../ogcapi/api-definition.js';
import { linksOf, linkUrl, withRel } from '../../ogcapi/links.js';
import { OPENAPI_JSON } from '../../ogcapi/media-types.js';
import { mediaTypeMatches, parseMediaType } from '../../openapi/media-type.js';
import { isJsonObject } from '../../openapi/refs.js';
import type { CheckContext } from '../types.js';
import { fetchOnce, type Fetched } from './fetch.js';
import { landingPage } from './resources.js';

const BUILDING_BLOCKS_DIR = 'openapi/';

export type Served =
  { found: false; reason: string; fetched: Fetched } | { found: true; fetched: Fetched; version: string; definition: ServedDefinition };

export function isOpenApi30(type: string | undefined): boolean {
  const [wanted, actual] = [parseMediaType(OPENAPI_JSON), parseMediaType(type ?? '')];
  return wanted !== undefined && actual !== undefined && mediaTypeMatches(wanted, actual) && mediaTypeMatches(actual, wanted);
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
    return { found: true, fetched, version, definition: await loadServedDefinition(fetched.json, context.standard.dir, pinned) };
  });
}
