import { describe, expect, it } from 'vitest';
import { closeMatches, didYouMean } from '../../src/core/close-matches.js';

describe('close matches', () => {
  const kinds = ['xml.xsd', 'xml.schematron', 'xml.codelists', 'openapi.body-schema'];

  it('finds names a few edits away or containing the name, closest first', () => {
    expect(closeMatches('xml.xds', kinds)).toEqual(['xml.xsd']);
    expect(closeMatches('schematron', kinds)).toEqual(['xml.schematron']);
    expect(closeMatches('MAXFINDING', ['maxFindings', 'maxPages'])).toEqual(['maxFindings']);
    expect(closeMatches('http.answer', kinds)).toEqual([]);
  });

  it('words a hint only when something is close', () => {
    expect(didYouMean('xml.xds', kinds)).toBe(' (did you mean "xml.xsd"?)');
    expect(didYouMean('nothing-alike', kinds)).toBe('');
  });
});
