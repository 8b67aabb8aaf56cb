/**
 * `ogcapi.datetime`, per collection: the items operation accepts `datetime` in each form the
 * standard defines (/req/core/fc-time-definition, syntax in /req/core/fc-time-response D-F): an
 * instant, a bounded interval and a half-bounded one.
 */
import { expectJson200 } from './expect.js';
import { Judgement } from './judgement.js';
import { perCollectionKind } from './kind.js';
import { DEFAULTS } from './options.js';
import { items } from './resources.js';

/** Values of the forms of RFC 3339 date-time and intervals the parameter takes (the standard's own example instant). */
export const DATETIME_VALUES = ['2018-02-12T23:20:52Z', '2018-02-12T00:00:00Z/2018-03-18T12:31:12Z', '../2018-03-18T12:31:12Z'];

const RULE = '/req/core/fc-time-definition';

export const datetimeKind = perCollectionKind({
  name: 'ogcapi.datetime',
  description: 'The items operation accepts datetime as an instant, a bounded and a half-bounded interval',
  rules: [RULE],
  judge: async (context, options, { id }) => {
    const judgement = new Judgement();
    const limit = String(options.pageSize ?? DEFAULTS.pageSize);
    for (const value of DATETIME_VALUES) {
      expectJson200(
        judgement,
        await items(context, id, { datetime: value, limit }),
        RULE,
        `the query with datetime=${value}`,
      );
    }
    return judgement.output();
  },
});
