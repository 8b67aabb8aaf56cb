/** GeoJSON positions and boxes, the antimeridian and CRS84 ranges (src/ogcapi/geometry.ts). */
import { describe, expect, it } from 'vitest';
import { boxOf, contains, insideCrs84, intersects, positions, toBox } from '../../src/ogcapi/geometry.js';

describe('OGC API geometry helpers', () => {
  it('lists the positions of every geometry type, collections included, and none of null', () => {
    const polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [2, 0],
          [2, 1],
          [0, 0],
        ],
      ],
    };
    const collection = { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [5, 6, 7] }, polygon] };
    expect(positions(polygon)).toHaveLength(4);
    expect(positions(collection)[0]).toEqual([5, 6, 7]);
    expect(positions(null)).toEqual([]);
    expect(boxOf(positions(polygon))).toEqual([0, 0, 2, 1]);
  });

  it('reads four- and six-number boxes and refuses others', () => {
    expect(toBox([1, 2, 3, 4])).toEqual([1, 2, 3, 4]);
    expect(toBox([1, 2, -5, 3, 4, 10])).toEqual([1, 2, 3, 4]);
    expect(toBox([1, 2, 3])).toBeUndefined();
    expect(toBox(['1', 2, 3, 4])).toBeUndefined();
  });

  it('treats a box whose west edge is east of its east edge as crossing the antimeridian', () => {
    const pacific: [number, number, number, number] = [170, -10, -170, 10];
    expect(intersects(pacific, [175, 0, 176, 1])).toBe(true);
    expect(intersects(pacific, [-175, 0, -174, 1])).toBe(true);
    expect(intersects(pacific, [0, 0, 1, 1])).toBe(false);
    expect(contains(pacific, [179, 0, 179.5, 1])).toBe(true);
    expect(contains([0, 0, 10, 10], [2, 2, 11, 3])).toBe(false);
  });

  it('knows the range of WGS 84 longitude/latitude', () => {
    expect(insideCrs84([7.1, 50.7])).toBe(true);
    expect(insideCrs84([-180, -90, 3000])).toBe(true);
    expect(insideCrs84([790_000, 6_570_000])).toBe(false);
    expect(insideCrs84([7.1, 95])).toBe(false);
  });
});
