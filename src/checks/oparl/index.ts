/**
 * The OParl check kinds (OParl 1.0 and 1.1 share them); each is registered here with one line.
 * Only the system-object check judges a System of another version (stopped-crawl.ts).
 */
import type { CheckKind } from '../types.js';
import { backReferencesKind } from './back-references.js';
import { coordinateOrderKind } from './coordinate-order.js';
import { corsKind } from './cors.js';
import { createdModifiedKind } from './created-modified.js';
import { deletedObjectsKind } from './deleted-objects.js';
import { errorResponseKind } from './error-response.js';
import { fileAccessKind } from './file-access.js';
import { filtersKind } from './filters.js';
import { idMatchesUrlKind } from './id-matches-url.js';
import { internalObjectsKind } from './internal-objects.js';
import { jsonResponseKind } from './json-response.js';
import { linksResolveKind } from './links-resolve.js';
import { listPagesKind } from './list-pages.js';
import { locationGeojsonKind } from './location-geojson.js';
import { objectSchemaKind } from './object-schema.js';
import { omitInternalKind } from './omit-internal.js';
import { propertyRulesKind } from './property-rules.js';
import { propertyValuesKind } from './property-values.js';
import { referencesKind } from './references.js';
import { stableOrderKind } from './stable-order.js';
import { untestedWhenStopped } from './stopped-crawl.js';
import { systemObjectKind } from './system-object.js';
import { typeUriKind } from './type-uri.js';
import { urlFormKind } from './url-form.js';
import { urlSchemeKind } from './url-scheme.js';
import { vendorExtensionsKind } from './vendor-extensions.js';

/** The kinds that judge what the crawl found beyond its entry. */
const BEYOND_ENTRY = [
  jsonResponseKind,
  corsKind,
  urlSchemeKind,
  urlFormKind,
  errorResponseKind,
  objectSchemaKind,
  idMatchesUrlKind,
  typeUriKind,
  createdModifiedKind,
  linksResolveKind,
  referencesKind,
  internalObjectsKind,
  backReferencesKind,
  propertyValuesKind,
  vendorExtensionsKind,
  locationGeojsonKind,
  coordinateOrderKind,
  propertyRulesKind,
  listPagesKind,
  stableOrderKind,
  filtersKind,
  omitInternalKind,
  deletedObjectsKind,
  fileAccessKind,
];

export const OPARL_KINDS: readonly CheckKind<never>[] = [systemObjectKind, ...BEYOND_ENTRY.map(untestedWhenStopped)];
