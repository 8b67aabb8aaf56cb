/**
 * Safe parsing beyond the attacks: what konform does with the ordinary things in a DTD, with
 * encodings and limits, and that every libxml2 object it creates is freed again.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { diag } from 'libxml2-wasm';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';
import { run } from '../../src/run/run.js';
import { parseXml, parseXmlFile } from '../../src/xml/parse.js';
import { KOSIT_VALIDATOR_INSTANCES } from '../../fixtures/xrechnung/instances.js';
import { scratchSuite, STANDARDS } from './xsd-support.js';

function parsedText(text: string | Buffer): { content?: string; codes: string[] } {
  const parsed = parseXml(typeof text === 'string' ? Buffer.from(text) : text, 'message.xml');
  const content = parsed.document?.root.content;
  parsed.document?.dispose();
  return { ...(content === undefined ? {} : { content }), codes: parsed.findings.map((finding) => finding.code) };
}

describe('parsing', () => {
  it('expands internal entities as XML 1.0 §4.4.2 requires', () => {
    expect(parsedText('<!DOCTYPE a [<!ENTITY who "Welt">]><a>Hallo &who;</a>')).toEqual({ content: 'Hallo Welt', codes: [] });
  });

  it('does not load an external DTD it is pointed to, and needs none', () => {
    expect(parsedText('<!DOCTYPE a SYSTEM "http://127.0.0.1:9/a.dtd"><a>x</a>')).toEqual({ content: 'x', codes: [] });
  });

  it('reads UTF-16 and declared single-byte encodings', () => {
    expect(parsedText(Buffer.from('\ufeff<a>Straße</a>', 'utf16le')).content).toBe('Straße');
    const latin1 = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><a>'), Buffer.from([0x53, 0x74, 0x72, 0x61, 0xdf, 0x65]), Buffer.from('</a>')]);
    expect(parsedText(latin1).content).toBe('Straße');
  });

  it('refuses a file over maxBytes unread', () => {
    const file = join(PACKAGE_ROOT, 'fixtures', 'xoev', 'xwasser', 'administration_receipt.xml');
    const parsed = parseXmlFile(file, { maxBytes: 100 });
    expect(parsed.document).toBeUndefined();
    expect(parsed.findings).toEqual([expect.objectContaining({ code: 'file-too-large', params: expect.objectContaining({ maxBytes: 100 }) })]);
  });

  it('frees every document it parses and, when the run ends, the schemas it compiled', async () => {
    diag.configure({ enabled: true });
    const suite = await scratchSuite(join(STANDARDS, 'xrechnung', '3.0', 'xsd'), [
      { id: 'ubl-invoice', schema: 'xsd/ubl-2.1/maindoc/UBL-Invoice-2.1.xsd', match: ['{urn:oasis:names:specification:ubl:schema:xsd:Invoice-2}Invoice'] },
      { id: 'cii', schema: 'xsd/cii-d16b/CrossIndustryInvoice_100pD16B.xsd', match: ['{urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100}CrossIndustryInvoice'] },
    ]);
    try {
      const kosit = KOSIT_VALIDATOR_INSTANCES;
      const hostile = join(PACKAGE_ROOT, 'fixtures', 'hostile-xml');
      const files = [
        ...(await readdir(join(kosit, 'instances'))).map((name) => join(kosit, 'instances', name)),
        ...(await readdir(join(kosit, 'unexpected'))).map((name) => join(kosit, 'unexpected', name)),
        ...(await readdir(hostile)).filter((name) => name.endsWith('.xml')).map((name) => join(hostile, name)),
      ];
      const report = await run({ suite: suite.suite, target: { files } });
      expect(report.results.filter((result) => result.outcome === 'cantTell')).toEqual([]);
      expect(report.results.filter((result) => result.kind === 'xml.xsd' && result.outcome === 'passed').length).toBeGreaterThan(0);
      expect(diag.report()).toEqual({});
    } finally {
      diag.configure({ enabled: false });
      await suite.remove();
    }
  });
});
