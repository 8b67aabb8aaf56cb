/**
 * ogcapi-features-1.0 against MapServer 8.0 (Debian bookworm: mapserver-bin, cgi-mapserver behind
 * lighttpd), a real, independently written OGC API - Features server, serving the points of
 * fixtures/ogcapi/places.geojson. The shared start-mapserver.sh installs MapServer where it is
 * missing (root and apt-get, as on CI); the test is skipped only where that is impossible. Every
 * result that is not passed is recorded below with the requirements it decides and the cause
 * seen in its exchanges: each failure is a deviation of MapServer (or of the lighttpd set-up the
 * script gives it, where said so).
 */
import { MAPSERVER } from '../../fixtures/ogcapi/real-servers.js';
import { describeRealServerRun, type Expected } from './ogcapi-real-server-run.js';

const UNRESOLVED_EXCEPTION_SCHEMA =
  "MapServer's /api gives the `default` response's schema as a reference to exception.yaml of OGC API - Processes on " +
  'raw.githubusercontent.com (master). Its twelve other references go to the Features building blocks on ' +
  'schemas.opengis.net, which konform resolves from its pinned copy; this one it fetches only with ' +
  '--allow-ref-host raw.githubusercontent.com, not given here, so it cannot tell whether the definition is valid OpenAPI 3.0 ' +
  'as a whole. (Fetched, that schema is no valid OpenAPI 3.0 Schema Object: test/ogcapi/remote-refs.test.ts.)';

const EXPECTED: Record<string, Expected> = {
  'datetime-filter/places': {
    outcome: 'inapplicable',
    rules: [],
    cause: 'The collection has no temporal extent (the data has no time), so no feature has a temporal geometry to filter.',
  },
  'query-parameters/places': {
    outcome: 'failed',
    rules: ['/req/core/query-param-unknown'],
    cause:
      'MapServer ignores a query parameter its API definition does not specify and answers 200; the standard asks for 400. Invalid values of limit and bbox it does refuse with 400.',
  },
  'collection-recommendations': {
    outcome: 'failed',
    rules: ['/rec/core/fc-md-license'],
    cause: 'MapServer writes no license link for a collection or for /collections (SHOULD).',
  },
  'http-recommendations': {
    outcome: 'failed',
    rules: ['/rec/core/etag', '/rec/core/cross-origin', '/rec/core/link-header'],
    cause:
      'MapServer sends no ETag and no Link headers (SHOULD). Access-Control-Allow-Origin is missing too: MapServer leaves CORS to the web server, ' +
      'and the lighttpd of start-mapserver.sh sets none (the recommendation allows a proxy layer to add it). HEAD works.',
  },
  'openapi-recommended': { outcome: 'cantTell', rules: ['/rec/core/api-definition-oas'], cause: UNRESOLVED_EXCEPTION_SCHEMA },
  'openapi-document': { outcome: 'cantTell', rules: ['/req/oas30/oas-definition-2'], cause: UNRESOLVED_EXCEPTION_SCHEMA },
  'geojson-media-types': {
    outcome: 'failed',
    rules: ['/req/geojson/definition'],
    cause:
      'Asked for application/geo+json, MapServer answers items and a feature with Content-Type application/json, although it declares the GeoJSON class and its own links give the type application/geo+json.',
  },
  'openapi-contract': {
    outcome: 'failed',
    rules: ['/req/oas30/oas-impl'],
    cause:
      'MapServer answers differently from its own API definition: items and a feature come as application/json where the definition documents ' +
      'application/geo+json and text/html. (Its /api 200 and the NotFound building block of its 404 document no content, which leaves any body allowed.)',
  },
  'html-content': {
    outcome: 'failed',
    rules: ['/req/html/content'],
    cause:
      "MapServer's HTML pages leave out links of the resource: the items page (10 of 11 features) has no link to the next page, a feature's page none to its collection.",
  },
  'schema-org': {
    outcome: 'failed',
    rules: ['/rec/html/schema-org'],
    cause: "MapServer's HTML templates carry no Schema.org annotations (SHOULD).",
  },
};

describeRealServerRun(MAPSERVER, EXPECTED);
