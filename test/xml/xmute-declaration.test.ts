/** Reading `<?xmute?>` declarations: the data grammar and finding them in the real KoSIT samples. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';
import { parseDeclarationData } from '../../src/xml/xmute/declaration.js';
import { findInstructions } from '../../src/xml/xmute/scan.js';

const SAMPLES = join(PACKAGE_ROOT, 'suites', 'xrechnung-3.0', 'selftest');
const sample = (path: string) => readFileSync(join(SAMPLES, path), 'utf8');

describe('parseDeclarationData', () => {
  it('reads mutator, id, description, parameters and prefixed rule lists', () => {
    const data = parseDeclarationData(
      ' mutator="code" id="cii-BR-DE-TMP-01" values="12,XY" attribute="listID"\n   schematron-invalid="xrcii:BR-TMP-CVD-01 xrcii:BR-DE-CVD-03" description="BT-158 listID must be valid" ',
    );
    expect(data).toEqual({
      mutator: 'code',
      id: 'cii-BR-DE-TMP-01',
      description: 'BT-158 listID must be valid',
      params: { values: ['12,XY'], attribute: ['listID'] },
      rules: [
        { prefix: 'xrcii', rule: 'BR-TMP-CVD-01', expect: 'invalid' },
        { prefix: 'xrcii', rule: 'BR-DE-CVD-03', expect: 'invalid' },
      ],
    });
  });

  it('normalises white space inside values as xml-mutate does (StringUtils.normalizeSpace)', () => {
    const data = parseDeclarationData('mutator="code" values="DE75  51\n\t2108, GB29"');
    expect(data.params.values).toEqual(['DE75 51 2108, GB29']);
  });

  it('takes schema keywords, rules without prefix, the entirety forms and repeated keys', () => {
    const data = parseDeclarationData('mutator="remove" attribute="language" attribute="country" schema-invalid schematron-valid="BR-1, BR-2" schematron-valid-all');
    expect(data.params.attribute).toEqual(['language', 'country']);
    expect(data.schema).toBe('invalid');
    expect(data.rules).toEqual([
      { rule: 'BR-1', expect: 'valid' },
      { rule: 'BR-2', expect: 'valid' },
    ]);
    expect(data.entirety).toEqual({ scope: 'all', expect: 'valid' });
    expect(parseDeclarationData('mutator="empty" schematron-invalid="none"').entirety).toEqual({ scope: 'none', expect: 'invalid' });
  });

  it('reads keys case-insensitively and unescapes quoted values', () => {
    const data = parseDeclarationData('MUTATOR="code" Values="say \\"hi\\"" Schematron-Invalid="xrubl:BR-DE-1"');
    expect(data.mutator).toBe('code');
    expect(data.params.values).toEqual(['say "hi"']);
    expect(data.rules).toEqual([{ prefix: 'xrubl', rule: 'BR-DE-1', expect: 'invalid' }]);
  });

  it.each([
    ['id="x" mutator="code"', 'must start with mutator'],
    ['mutator="code" values', 'values needs a value'],
    ['mutator="code" values="unterminated', 'cannot read'],
    ['mutator="code" schematron-valid=""', 'needs a list of rules'],
    ['', 'names no mutator'],
  ])('refuses %j', (data, message) => {
    expect(() => parseDeclarationData(data)).toThrow(message);
  });
});

describe('findInstructions', () => {
  it('finds the instructions of a sample with their lines, including one that spans lines', () => {
    const found = findInstructions(sample('xrechnung-schematron/ubl-inv/ubl-inv-br-de-19-iban-tests.xml'));
    expect(found.map((instruction) => [instruction.line, instruction.column, instruction.commentedOut ?? false])).toEqual([
      [66, 7, false],
      [68, 7, false],
      [70, 7, false],
      [72, 7, false],
      [74, 7, false],
      [77, 7, true],
    ]);
    expect(parseDeclarationData((found[0] as { data: string }).data).id).toBe('correct-iban');
  });

  it('reports an instruction inside a comment as commented out, not as a declaration', () => {
    const text = '<a><!-- <?xmute mutator="remove"?> --><?xmute mutator="empty"?><b>x</b></a>';
    expect(findInstructions(text).map(({ data, commentedOut }) => [data.trim(), commentedOut ?? false])).toEqual([
      ['mutator="remove"', true],
      ['mutator="empty"', false],
    ]);
  });

  it('ignores other processing instructions and markup that only looks like one', () => {
    const text = '<?xml version="1.0"?><?xmutex a?><a title="&lt;?xmute mutator=&quot;x&quot;?>"><![CDATA[<?xmute mutator="x"?>]]></a>';
    expect(findInstructions(text)).toEqual([]);
  });

  it('finds all 706 declarations of the XRechnung samples: 703 instructions and 3 commented out', () => {
    const files = globSync('**/*.xml', { cwd: SAMPLES });
    const all = files.flatMap((file) => findInstructions(sample(file)));
    const mutators: Record<string, number> = {};
    for (const instruction of all) {
      const { mutator } = parseDeclarationData(instruction.data);
      mutators[mutator] = (mutators[mutator] ?? 0) + 1;
    }
    expect(files).toHaveLength(229);
    expect(all).toHaveLength(706);
    expect(all.filter((instruction) => instruction.commentedOut)).toHaveLength(3);
    expect(mutators).toEqual({ identity: 308, code: 222, remove: 150, empty: 24, whitespace: 2 });
  });
});
