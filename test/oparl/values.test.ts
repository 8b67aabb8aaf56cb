/** OParl's date-time form, the instant a filter splits a list at, and the positions of GeoJSON Features. */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { addOParlFormats } from '../../src/oparl/formats.js';
import { positionsOf } from '../../src/oparl/geojson.js';
import { dateTimeOf, splittingInstant } from '../../src/oparl/time.js';

const ajv = new Ajv2020();
addOParlFormats(ajv);
const valid = (format: string) => (value: string) => ajv.validate({ type: 'string', format }, value);

describe('OParl values', () => {
  it('takes dates and date-times in the form §2.4 prescribes only', () => {
    const dateTime = valid('oparl-date-time');
    expect(['1969-07-21T02:56:00+00:00', '2024-02-29T23:59:59-05:30'].map(dateTime)).toEqual([true, true]);
    expect(['1969-07-21T02:56:00Z', '1969-07-21T02:56:00.5+00:00', '2023-02-29T10:00:00+01:00', '1969-07-21 02:56:00+00:00'].map(dateTime)).toEqual([false, false, false, false]);
    expect(['1969-07-21', '1969-7-21', '1969-02-30'].map(valid('oparl-date'))).toEqual([true, false, false]);
    expect(['https://oparl.example.org/body/1', 'body/1', 'https://a b'].map(valid('oparl-url'))).toEqual([true, false, false]);
  });

  it('splits a list between the two middle instants, on a whole second', () => {
    const at = (text: string) => Date.parse(text);
    expect(dateTimeOf(splittingInstant([at('2020-01-01T00:00:00Z'), at('2020-01-01T00:00:10Z'), at('2020-01-01T00:00:20Z'), undefined]))).toBe('2020-01-01T00:00:15+00:00');
    expect(splittingInstant([at('2020-01-01T00:00:00Z'), at('2020-01-01T00:00:01Z')])).toBe(at('2020-01-01T00:00:00Z'));
    expect(splittingInstant([at('2021-06-01T12:00:00Z')])).toBe(at('2021-06-01T12:00:00Z'));
    // Without instants, one fixed instant: every run asks the same, and a replay finds it recorded.
    expect(dateTimeOf(splittingInstant([undefined]))).toBe('2000-01-01T00:00:00+00:00');
  });

  it('knows the positions of a GeoJSON Feature (RFC 7946 §3.1.1), of four numbers too', () => {
    const point = { type: 'Point', coordinates: [7.03291, 50.98249, 60, 1] };
    const collection = { type: 'GeometryCollection', geometries: [point, { type: 'LineString', coordinates: [[7, 50], [8, 51]] }] };
    expect(positionsOf({ type: 'Feature', geometry: collection, properties: {} }).map(({ path }) => path.join('/'))).toEqual([
      'geometry/geometries/0/coordinates',
      'geometry/geometries/1/coordinates/0',
      'geometry/geometries/1/coordinates/1',
    ]);
  });
});
