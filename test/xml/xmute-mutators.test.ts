/** The mutators, on the real KoSIT samples and on small documents for the edge cases. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';
import { parseXml } from '../../src/xml/parse.js';
import { COMMENTED_OUT, expandSample, type Preparation } from '../../src/xml/xmute/expand.js';
import { findInstructions } from '../../src/xml/xmute/scan.js';
import { nextSiblingElement, type ElementSpan } from '../../src/xml/xmute/xml-text.js';

const SAMPLES = join(PACKAGE_ROOT, 'suites', 'xrechnung-3.0', 'selftest');
const sample = (path: string) => readFileSync(join(SAMPLES, path), 'utf8');

/** The mutated documents of the declaration at `line` (or of the only one). */
function variantsAt(text: string, line?: number): Array<{ label: string; text: string }> {
  const declarations = expandSample('sample.xml', text);
  const declaration = line === undefined ? declarations[0] : declarations.find((candidate) => candidate.line === line);
  const preparation = declaration?.preparation as Preparation;
  if (preparation.status !== 'ready') throw new Error(`${preparation.status}: ${preparation.reason}`);
  return preparation.variants;
}

function preparationOf(text: string): Preparation {
  return (expandSample('sample.xml', text)[0] as { preparation: Preparation }).preparation;
}

/** The one line that differs between two texts with the same number of lines. */
function changedLines(before: string, after: string): string[] {
  const old = before.split('\n');
  return after.split('\n').filter((line, index) => line !== old[index]);
}

describe('code', () => {
  it('writes each value, trimmed, into the element text: one document per value', () => {
    const text = sample('xrechnung-schematron/cii/cii-br-de-19-iban-tests.xml');
    const variants = variantsAt(text, 144);
    expect(variants.map((variant) => variant.label)).toEqual(['DE 75512108001245126199', 'DE75 51 2108 00124512 6199', 'DE93420700240615192200']);
    expect(changedLines(text, (variants[1] as { text: string }).text)).toEqual(['                    <ram:IBANID>DE75 51 2108 00124512 6199</ram:IBANID>']);
  });

  it('writes into the attribute named by `attribute`', () => {
    const text = sample('xrechnung-schematron/cii/cii-br-tmp-3-test.xml');
    const [variant] = variantsAt(text, 134);
    expect(changedLines(text, variant?.text ?? '')).toEqual(['                    <ram:BasisQuantity unitCode="C62">10</ram:BasisQuantity>']);
  });

  it('escapes markup characters and honours `separator`', () => {
    const variants = variantsAt('<a><?xmute mutator="code" values="x&lt;y|&quot;q&quot;" separator="|"?><b k="v">old</b></a>');
    expect(variants.map((variant) => variant.text)).toEqual([
      '<a><?xmute mutator="code" values="x&lt;y|&quot;q&quot;" separator="|"?><b k="v">x&amp;lt;y</b></a>',
      '<a><?xmute mutator="code" values="x&lt;y|&quot;q&quot;" separator="|"?><b k="v">&amp;quot;q&amp;quot;</b></a>',
    ]);
    const [quoted] = variantsAt(`<a><?xmute mutator="code" values="it's" attribute="k"?><b k='v'/></a>`);
    expect(quoted?.text).toContain(`<b k='it&apos;s'/>`);
  });

  it('gives a self-closing element content and an end tag', () => {
    const [variant] = variantsAt('<a><?xmute mutator="code" values="1"?><b x="y" /></a>');
    expect(variant?.text).toBe('<a><?xmute mutator="code" values="1"?><b x="y">1</b></a>');
  });
});

describe('remove and empty', () => {
  it('replaces the removed element by a comment and keeps every other byte', () => {
    const text = sample('xrechnung-schematron/cii/cii-br-de-1-test.xml');
    const declaration = expandSample('sample.xml', text).find((candidate) => candidate.data?.mutator === 'remove');
    const variant = (declaration?.preparation as { variants: Array<{ text: string }> }).variants[0] as { text: string };
    const removedAt = variant.text.indexOf('<!--Removed node ');
    expect(removedAt).toBeGreaterThan(0);
    expect(variant.text.slice(0, removedAt)).toBe(text.slice(0, removedAt));
    const tail = variant.text.slice(variant.text.indexOf('-->', removedAt) + 3);
    expect(text.endsWith(tail)).toBe(true);
  });

  it('removes or empties the attributes named, however many', () => {
    const text = '<a><?xmute mutator="remove" attribute="p:x" attribute="y"?><b p:x="1" y=\'2\' z="3"/></a>';
    expect(variantsAt(text)[0]?.text).toBe('<a><?xmute mutator="remove" attribute="p:x" attribute="y"?><b z="3"/></a>');
    expect(variantsAt(text.replace('remove', 'empty'))[0]?.text).toBe('<a><?xmute mutator="empty" attribute="p:x" attribute="y"?><b p:x="" y=\'\' z="3"/></a>');
  });

  it('empties a text-only element into a comment, and removes only the child elements of a complex one', () => {
    expect(variantsAt('<a><?xmute mutator="empty"?><b>true</b></a>')[0]?.text).toBe('<a><?xmute mutator="empty"?><b><!--Emptied: true--></b></a>');
    expect(variantsAt('<a><?xmute mutator="empty"?><b>\n  <c>1</c><!--k-->\n  <d/>\n</b></a>')[0]?.text).toBe(
      '<a><?xmute mutator="empty"?><b>\n  <!--k-->\n  \n<!--Emptied--></b></a>',
    );
  });
});

describe('whitespace', () => {
  it('adds white space before, after and instead of the text, by default with all three characters', () => {
    const variants = variantsAt('<a><?xmute mutator="whitespace"?><b>DE75</b></a>');
    expect(variants.map((variant) => [variant.label, variant.text.slice(variant.text.indexOf('<b>'))])).toEqual([
      ['prefix', '<b>\n\t \n\tDE75</b></a>'],
      ['suffix', '<b>DE75\n\t \n\t</b></a>'],
      ['replace', '<b>\n\t \n\t</b></a>'],
    ]);
  });

  it('takes position, length and list', () => {
    const [variant, ...rest] = variantsAt('<a><?xmute mutator="whitespace" position="suffix" length="3" list="space"?><b>x</b></a>');
    expect(rest).toEqual([]);
    expect(variant?.text).toContain('<b>x   </b>');
  });
});

describe('declarations that cannot be applied', () => {
  it.each([
    ['<a><?xmute mutator="code" values="1"?><b><c/></b></a>', 'broken', 'b has element content'],
    ['<a><?xmute mutator="code" values="1" attribute="k"?><b/></a>', 'broken', 'b has no attribute k'],
    ['<a><?xmute mutator="code"?><b/></a>', 'broken', 'needs values'],
    ['<?xmute mutator="remove"?><a/>', 'broken', 'root element cannot be removed'],
    ['<a><?xmute mutator="empty"?><b>  </b></a>', 'broken', 'nothing to empty'],
    ['<a><?xmute mutator="whitespace" position="middle"?><b>x</b></a>', 'broken', 'unknown position'],
    ['<a><b/><?xmute mutator="remove"?></a>', 'broken', 'no element follows'],
    ['<a><?xmute mutator="shuffle"?><b/></a>', 'broken', 'unknown mutator "shuffle"'],
    ['<a><?xmute mutator="code" genericode="list.xml" codekey="code"?><b/></a>', 'exception', 'genericode'],
    ['<a><?xmute mutator="xslt" template="t"?><b/></a>', 'exception', 'xslt mutator'],
    ['<a><?xmute id="x"?><b/></a>', 'broken', 'cannot be read'],
    ['<a><!--<?xmute mutator="remove"?>--><b/></a>', 'exception', COMMENTED_OUT],
  ])('%s is %s', (text, status, reason) => {
    const preparation = preparationOf(text);
    expect(preparation.status).toBe(status);
    expect(preparation.status === 'ready' ? '' : preparation.reason).toContain(reason);
  });
});

describe('the XRechnung samples', () => {
  it('give 1090 mutated documents, each well-formed and differing from its sample only inside the element after the instruction', () => {
    let documents = 0;
    for (const file of globSync('**/*.xml', { cwd: SAMPLES })) {
      const text = sample(file);
      const instructions = findInstructions(text);
      for (const [index, declaration] of expandSample(file, text).entries()) {
        if (declaration.preparation.status !== 'ready') {
          expect(declaration.preparation).toEqual({ status: 'exception', reason: COMMENTED_OUT });
          continue;
        }
        const target = nextSiblingElement(text, (instructions[index] as { end: number }).end) as ElementSpan;
        for (const variant of declaration.preparation.variants) {
          documents += 1;
          const where = `${file}:${declaration.line} ${variant.label}`;
          const parsed = parseXml(Buffer.from(variant.text), file);
          parsed.document?.dispose();
          expect(parsed.findings, where).toEqual([]);
          expect(variant.text.startsWith(text.slice(0, target.start)), where).toBe(true);
          expect(variant.text.endsWith(text.slice(target.end)), where).toBe(true);
        }
      }
    }
    expect(documents).toBe(1090);
  });
});
