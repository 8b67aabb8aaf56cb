import { expect, test } from 'vitest';
import { templateMatches, undocumentedPath } from '../../src/openapi/path-templates.js';

test('a template variable stands for exactly one segment; other characters are literal', () => {
  expect(templateMatches('/stations/{station}.json', '/stations/EITZE.json')).toBe(true);
  expect(templateMatches('/stations/{station}.json', '/stations/EITZE/x.json')).toBe(false);
  expect(templateMatches('/stations.json', '/stationsXjson')).toBe(false);
  expect(templateMatches('/a', '/a')).toBe(true);
});

test('the undocumented path avoids every template, adding segments as needed', () => {
  expect(undocumentedPath(['/stations.json', '/waters.json'])).toBe('/konform-undocumented');
  expect(undocumentedPath(['/{anything}'])).toBe('/konform-undocumented/konform-undocumented');
  expect(undocumentedPath(['/{a}', '/{a}/{b}'])).toBe('/konform-undocumented'.repeat(3));
});
