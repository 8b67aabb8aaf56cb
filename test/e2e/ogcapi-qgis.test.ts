/**
 * ogcapi-features-1.0 against QGIS Server 3.22 (Debian bookworm `qgis-server`, its development
 * server qgis_mapserver), serving fixtures/ogcapi/places.geojson under /wfs3. Installing QGIS
 * takes about 1 GB, so the test runs only with KONFORM_QGIS=1. Every result that is not passed is
 * recorded with the requirements it decides and the cause seen in its exchanges.
 */
import { QGIS_SERVER, unavailable } from '../../fixtures/ogcapi/real-servers.js';
import { describeRealServerRun, type Expected } from './ogcapi-real-server-run.js';

const INVALID_DEFINITION =
  "QGIS's /api is no valid OpenAPI 3.0: the schema of the temporal extent in /wfs3/collections puts a `trs` member among " +
  'the items of `interval`, where only a Schema Object may stand; its paths also repeat /wfs3, which its server URL already ends in.';
const NO_HTML_PAGE = 'No resource answered text/html (see html-media-type), so konform had no HTML page to judge.';

const EXPECTED: Record<string, Expected> = {
  collections: {
    outcome: 'failed',
    rules: ['/req/core/fc-md-success', '/req/core/fc-md-items-links'],
    cause:
      'The temporal extent is `"interval": null`, which collections.yaml does not allow (an array), and the links to the features have the relation `item`, not `items`.',
  },
  'collection/places': {
    outcome: 'failed',
    rules: ['/req/core/sfc-md-success'],
    cause:
      '/collections/places is not consistent with its entry in /collections: it has no `description` where /collections gives "", and links with `items` where /collections has `item`; and the same null interval.',
  },
  'limit/places': {
    outcome: 'failed',
    rules: ['/req/core/fc-limit-response-1'],
    cause: 'QGIS refuses limit=10001 with 400 instead of serving at most its maximum (part C).',
  },
  'datetime-filter/places': {
    outcome: 'inapplicable',
    rules: [],
    cause: 'The collection has no bounded temporal extent (its interval is null).',
  },
  'feature/places': {
    outcome: 'failed',
    rules: ['/req/core/f-links'],
    cause: 'A feature links itself and its HTML form but not its collection (rel collection).',
  },
  'not-found': { outcome: 'failed', rules: ['/req/core/http'], cause: 'An unknown feature id answers 500 "Invalid feature ID", not 404.' },
  'query-parameters/places': {
    outcome: 'failed',
    rules: ['/req/core/query-param-unknown'],
    cause: 'QGIS ignores a query parameter it does not specify and answers 200.',
  },
  'collection-recommendations': {
    outcome: 'failed',
    rules: ['/rec/core/fc-md-self-links', '/rec/core/fc-md-license'],
    cause: 'In /collections a collection has no self link and no license link (SHOULD).',
  },
  'http-recommendations': {
    outcome: 'failed',
    rules: ['/rec/core/etag', '/rec/core/cross-origin', '/rec/core/link-header'],
    cause: 'No ETag, no Access-Control-Allow-Origin and no Link headers (SHOULD); HEAD works.',
  },
  'openapi-recommended': { outcome: 'failed', rules: ['/rec/core/api-definition-oas'], cause: INVALID_DEFINITION },
  'openapi-links': {
    outcome: 'failed',
    rules: ['/req/oas30/oas-definition-1'],
    cause: 'The landing page has a service-desc link but no service-doc link to an HTML form of the definition.',
  },
  'openapi-document': { outcome: 'failed', rules: ['/req/oas30/oas-definition-2'], cause: INVALID_DEFINITION },
  'openapi-contract': {
    outcome: 'cantTell',
    rules: ['/req/oas30/oas-impl'],
    cause: 'The definition cannot be loaded (see openapi-document), so konform cannot call its operations.',
  },
  'html-media-type': {
    outcome: 'failed',
    rules: ['/req/html/definition'],
    cause:
      'Asked for text/html, every resource answers JSON: qgis_mapserver reads header names case-sensitively and does not see the `accept` ' +
      "field konform's HTTP client sends in lower case (field names are case-insensitive, RFC 9110 §5.1); it serves HTML only for `Accept` or a .html suffix.",
  },
  'html-content': { outcome: 'cantTell', rules: ['/req/html/content'], cause: NO_HTML_PAGE },
  'schema-org': { outcome: 'cantTell', rules: ['/rec/html/schema-org'], cause: NO_HTML_PAGE },
};

const why =
  process.env.KONFORM_QGIS === '1' ? unavailable(QGIS_SERVER) : 'set KONFORM_QGIS=1 to run it; QGIS Server takes about 1 GB to install';
describeRealServerRun(QGIS_SERVER, EXPECTED, why);
