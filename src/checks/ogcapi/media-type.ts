/**
 * `ogcapi.media-type`: an encoding class says which media type each resource supports, and a
 * resource asked for it answers 200 in that media type: `application/geo+json` for feature content
 * and `application/json` for the rest (/req/geojson/definition), `text/html` for all
 * (/req/html/definition): the one requirement of its encoding class it decides, on one resource
 * of each kind.
 */
import { contentTypeOf, hasMediaType } from '../../ogcapi/media-types.js';
import { fetchOnce } from './fetch.js';
import { Judgement } from './judgement.js';
import { ogcKind } from './kind.js';
import type { OgcOptions } from './options.js';
import { sampleResources } from './sample-resources.js';

/** The requirement of each encoding class that names its media types. */
const DEFINITION = { geojson: '/req/geojson/definition', html: '/req/html/definition' } as const;

export type MediaTypeOptions = OgcOptions & { conformanceClass: keyof typeof DEFINITION; features: string; others: string };

export const mediaTypeKind = ogcKind<MediaTypeOptions>({
  name: 'ogcapi.media-type',
  description: 'Each kind of resource, asked for the media type of an encoding, answers 200 in it',
  properties: { conformanceClass: { enum: Object.keys(DEFINITION) }, features: { type: 'string' }, others: { type: 'string' } },
  required: ['conformanceClass', 'features', 'others'],
  rules: (options) => [DEFINITION[options.conformanceClass]],
  judge: async (context, options) => {
    const rule = DEFINITION[options.conformanceClass];
    const judgement = new Judgement();
    for (const resource of await sampleResources(context)) {
      const wanted = resource.features ? options.features : options.others;
      const fetched = await fetchOnce(context, resource.url, wanted);
      judgement.saw(fetched);
      if (fetched.failure) {
        judgement.unanswered(rule, fetched);
        continue;
      }
      const { response } = fetched;
      if (response.status !== 200 || !hasMediaType(response, wanted)) {
        const got = `${response.status} ${contentTypeOf(response) ?? 'without a Content-Type'}`;
        judgement.violation({
          rule,
          code: 'media-type-unsupported',
          message: `the ${resource.name} asked for as ${wanted} answered ${got}`,
          fetched,
          params: { resource: resource.name, accept: wanted, status: response.status, contentType: contentTypeOf(response) },
        });
      }
    }
    return judgement.output();
  },
});
