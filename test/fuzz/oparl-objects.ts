/**
 * OParl-shaped JSON for the fuzzing server's answers: objects of every OParl 1.1 type (and of
 * wrong versions and no type), with ids, links to the server's own paths and elsewhere,
 * dates, nulls and empty values, embedded objects; Systems that lead the crawl on; and
 * external list pages with next links.
 */
import fc from 'fast-check';
import { linkArbitrary } from './http-answers.js';

export const OPARL_NAMESPACE = 'https://schema.oparl.org/1.1/';
const TYPES = ['System', 'Body', 'LegislativeTerm', 'Organization', 'Person', 'Membership', 'Meeting', 'AgendaItem', 'Paper', 'Consultation', 'File', 'Location', 'Error'];
const LINK_KEYS = ['body', 'system', 'organization', 'person', 'meeting', 'paper', 'file', 'membership', 'agendaItem', 'consultation', 'legislativeTerm', 'location', 'mainFile', 'accessUrl', 'downloadUrl', 'web', 'license'];
const OTHER_KEYS = ['name', 'shortName', 'created', 'modified', 'deleted', 'keyword', 'contactEmail', 'date', 'start', 'end', 'message', 'geojson', 'otherOparlVersions', 'oparl:vendor', 'x-extra'];

const typeUri = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...TYPES).map((type) => `${OPARL_NAMESPACE}${type}`) },
  { weight: 1, arbitrary: fc.constantFrom('https://schema.oparl.org/1.0/Body', 'https://schema.oparl.org/1.1/Nothing', 'Body', '') },
);

const scalar = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('2024-01-31T10:00:00+01:00', '2024-01-31', '31.01.2024', '&amp;', '<b>x</b>', ''),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);

const { object } = fc.letrec<{ object: Record<string, unknown>; value: unknown }>((tie) => ({
  object: fc
    .record(
      {
        id: linkArbitrary,
        type: typeUri,
        oparlVersion: fc.constantFrom(OPARL_NAMESPACE, 'https://schema.oparl.org/1.0/', 'x'),
        links: fc.dictionary(fc.constantFrom(...LINK_KEYS), tie('value'), { maxKeys: 4 }),
        others: fc.dictionary(fc.constantFrom(...OTHER_KEYS), tie('value'), { maxKeys: 3 }),
      },
      { requiredKeys: ['links', 'others'] },
    )
    .map(({ links, others, ...own }) => ({ ...own, ...links, ...others })),
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    linkArbitrary,
    scalar,
    fc.array(fc.oneof(linkArbitrary, scalar), { maxLength: 3 }),
    tie('object'),
    fc.array(tie('object'), { maxLength: 2 }),
  ),
}));

/** An external list page (OParl §2.6): objects and links, the next page maybe among them. */
export function listPage(link: fc.Arbitrary<string>): fc.Arbitrary<Record<string, unknown>> {
  return fc.record({
    data: fc.array(object, { maxLength: 3 }),
    pagination: fc.dictionary(fc.constantFrom('totalElements', 'elementsPerPage', 'currentPage', 'totalPages'), fc.oneof(fc.nat(), fc.constant(null)), { maxKeys: 4 }),
    links: fc.dictionary(fc.constantFrom('first', 'last', 'next', 'prev', 'self'), link, { maxKeys: 3 }),
  });
}

/** A System with the members its schema requires, served at the entry, its body list on the server; more members fuzzed. */
const system = fc
  .record({ body: fc.integer({ min: 0, max: 3 }), more: fc.dictionary(fc.constantFrom(...LINK_KEYS, ...OTHER_KEYS), linkArbitrary, { maxKeys: 3 }) })
  .map(({ body, more }) => ({ ...more, id: '{base}/', type: `${OPARL_NAMESPACE}System`, oparlVersion: OPARL_NAMESPACE, body: `{base}/l/${body}` }));

export const oparlObject: fc.Arbitrary<Record<string, unknown>> = object;
export const oparlJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: object },
  { weight: 2, arbitrary: system },
  { weight: 3, arbitrary: listPage(linkArbitrary) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

/** The value without any `id` member, at any depth. */
export function withoutIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'id').map(([key, member]) => [key, withoutIds(member)]));
}
