/**
 * The frame every OGC API check runs in. A check bound to a conformance class is inapplicable
 * when the server does not declare the class (and cantTell when konform cannot read what it
 * declares). Collection checks fan out over the collections /collections lists, up to
 * `maxCollections`; the rest is one `untested` subject, never passed.
 */
import type { Finding } from '../../model/types.js';
import { transportFailureFinding } from '../../http/failure-finding.js';
import type { CheckOutput } from '../../model/types.js';
import { classUri } from '../../ogcapi/conformance-classes.js';
import type { CheckContext, Subject } from '../types.js';
import { exchangeOf, notJudged } from './judgement.js';
import { DEFAULTS, type OgcOptions } from './options.js';
import { declaredClasses, listedCollections, type ListedCollection } from './resources.js';

const UNLISTED = 'collections-unlisted';
const MORE = 'more-collections';

export async function gated(context: CheckContext, options: OgcOptions, judge: () => Promise<CheckOutput>): Promise<CheckOutput> {
  if (!options.conformanceClass) return judge();
  const uri = classUri(options.conformanceClass);
  const { classes, fetched } = await declaredClasses(context);
  if (!classes) {
    // It concerns every rule the check verifies (kind.ts leaves them undecided), and names none of its own.
    const exchange = exchangeOf(fetched);
    const message = `konform could not read the conformance declaration, so it cannot tell whether ${uri} applies`;
    const unknown: Finding = fetched.failure ? transportFailureFinding(fetched.failure, `whether ${uri} applies is unknown`) : { code: 'conformance-unknown', message, exchange };
    return { outcome: 'cantTell', findings: [{ ...unknown, undecided: true }], evidence: exchange === undefined ? [] : [exchange] };
  }
  if (!classes.includes(uri)) return notJudged('inapplicable', `the server does not declare conformance to ${uri}`);
  return judge();
}

export async function collectionSubjects(context: CheckContext, options: OgcOptions): Promise<Subject[]> {
  const listed = await listedCollections(context);
  if (!listed) return [{ id: UNLISTED, title: 'the collections (/collections could not be read)' }];
  const max = options.maxCollections ?? DEFAULTS.maxCollections;
  const subjects: Subject[] = listed.slice(0, max).map((entry) => ({
    id: entry.id,
    title: typeof entry.entry.title === 'string' ? `${entry.entry.title} (${entry.id})` : entry.id,
    data: entry,
  }));
  if (listed.length > max) subjects.push({ id: MORE, title: `${listed.length - max} more collections (beyond maxCollections)` });
  return subjects;
}

export function forCollection(
  context: CheckContext,
  options: OgcOptions,
  subject: Subject | undefined,
  judge: (collection: ListedCollection) => Promise<CheckOutput>,
): Promise<CheckOutput> {
  return gated(context, options, async () => {
    if (subject?.id === MORE) return notJudged('untested', `${subject.title}: cut off by the maxCollections budget`);
    const collection = subject?.data as ListedCollection | undefined;
    if (!collection) {
      return {
        outcome: 'cantTell',
        findings: [
          {
            code: 'collections-unlisted',
            message: 'konform could not read the list of collections at /collections (see the check of /collections)',
            severity: 'info',
          },
        ],
      };
    }
    return judge(collection);
  });
}
