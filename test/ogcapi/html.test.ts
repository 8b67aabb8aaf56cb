/** What konform reads from HTML pages (src/ogcapi/html.ts). */
import { describe, expect, it } from 'vitest';
import { htmlFacts } from '../../src/ogcapi/html.js';

describe('htmlFacts', () => {
  it('finds the HTML 5 doctype, the body, anchors with decoded references and the text', () => {
    const facts = htmlFacts(
      '\uFEFF<!-- x --><!DOCTYPE html><html><body><h1>Places &amp; more</h1><a href="/a?x=1&amp;f=html">A</a> <A HREF=\'/b\'>B</A><a class="c" href=/c>C</a><script>var a = "<a href=/no>";</script></body></html>',
    );
    expect(facts).toMatchObject({ html5: true, hasBody: true, schemaOrg: false });
    expect(facts.anchors).toEqual(['/a?x=1&f=html', '/b', '/c']);
    expect(facts.text).toContain('Places & more');
    expect(facts.text).not.toContain('var a');
  });

  it('tells an older doctype and a fragment from an HTML 5 document', () => {
    expect(htmlFacts('<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN"><html><body></body></html>').html5).toBe(false);
    expect(htmlFacts('<p>no document</p>')).toMatchObject({ html5: false, hasBody: false });
  });

  it('recognises Schema.org as microdata, RDFa and JSON-LD', () => {
    expect(htmlFacts('<div itemscope itemtype="https://schema.org/Place">').schemaOrg).toBe(true);
    expect(htmlFacts('<div vocab="http://schema.org/" typeof="Dataset">').schemaOrg).toBe(true);
    expect(htmlFacts('<script type="application/ld+json">{"@context":"https://schema.org"}</script>').schemaOrg).toBe(true);
  });
});
