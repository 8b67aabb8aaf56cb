/** The OGC API - Features check kinds; each is registered here with one line. */
import type { CheckKind } from '../types.js';
import { apiDefinitionKind } from './api-definition.js';
import { bboxKind } from './bbox.js';
import { collectionRecommendationsKind } from './collection-recommendations.js';
import { collectionKind } from './collection.js';
import { collectionsKind } from './collections.js';
import { conformanceKind } from './conformance.js';
import { crs84Kind } from './crs84.js';
import { datetimeFilterKind } from './datetime-filter.js';
import { datetimeKind } from './datetime.js';
import { declaresClassKind } from './declares-class.js';
import { extentKind } from './extent.js';
import { featureKind } from './feature.js';
import { geojsonContentKind } from './geojson-content.js';
import { htmlContentKind } from './html-content.js';
import { httpRecommendationsKind } from './http-recommendations.js';
import { itemsKind } from './items.js';
import { landingPageKind } from './landing-page.js';
import { limitKind } from './limit.js';
import { mediaTypeKind } from './media-type.js';
import { notFoundKind } from './not-found.js';
import { numberMatchedKind } from './number-matched.js';
import { openapiContractKind } from './openapi-contract.js';
import { openapiDocumentKind } from './openapi-document.js';
import { openapiLinksKind } from './openapi-links.js';
import { pagingRecommendationsKind } from './paging-recommendations.js';
import { queryParametersKind } from './query-parameters.js';
import { rootLinksKind } from './root-links.js';
import { schemaOrgKind } from './schema-org.js';

export const OGCAPI_KINDS: readonly CheckKind<never>[] = [
  landingPageKind,
  apiDefinitionKind,
  conformanceKind,
  collectionsKind,
  collectionKind,
  itemsKind,
  numberMatchedKind,
  limitKind,
  bboxKind,
  datetimeKind,
  datetimeFilterKind,
  featureKind,
  crs84Kind,
  extentKind,
  notFoundKind,
  queryParametersKind,
  rootLinksKind,
  collectionRecommendationsKind,
  pagingRecommendationsKind,
  httpRecommendationsKind,
  declaresClassKind,
  mediaTypeKind,
  geojsonContentKind,
  openapiLinksKind,
  openapiDocumentKind,
  openapiContractKind,
  htmlContentKind,
  schemaOrgKind,
];
