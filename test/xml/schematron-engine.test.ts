/**
 * The Saxon-HE engine: it says when Java or Saxon is missing and how to install them; one
 * batch reports each document on its own (a document Saxon cannot evaluate does not take the
 * others down), its reports read one at a time as they are taken; and Saxon reads nothing but
 * the documents: no external entity, no network.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleKey } from '../../src/xml/schematron/fired-rules.js';
import { saxonEngine, SAXON_INSTALL } from '../../src/xml/schematron/saxon.js';
import { scratchFolder, type Scratch } from './schematron-support.js';

const STYLESHEET = (select: string) => `<xsl:stylesheet version="2.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:svrl="http://purl.oclc.org/dsdl/svrl">
  <xsl:template match="/"><svrl:schematron-output><svrl:active-pattern/><svrl:fired-rule context="/"/><svrl:failed-assert id="VALUE" location="/" test="t"><svrl:text><xsl:value-of select="${select}"/></svrl:text></svrl:failed-assert></svrl:schematron-output></xsl:template>
</xsl:stylesheet>`;

let scratch: Scratch;
beforeAll(async () => {
  scratch = await scratchFolder();
});
afterAll(() => scratch.remove());

describe('Saxon-HE engine', () => {
  it('reports a missing Java or Saxon jar with the install command', async () => {
    const noJava = await saxonEngine({ java: '/nonexistent/java' }).available();
    expect(noJava).toMatchObject({ ok: false, install: SAXON_INSTALL });
    expect(noJava.ok || noJava.reason).toMatch(/Java cannot be started/);
    const noJar = await saxonEngine({ jar: '/nonexistent/Saxon-HE.jar' }).available();
    expect(noJar.ok || noJar.reason).toMatch(/Saxon-HE is not installed/);
    expect(SAXON_INSTALL).toBe('apt-get install default-jre-headless libsaxonhe-java');
    await expect(saxonEngine({ java: '/nonexistent/java' }).validateBatch(STYLESHEET('1'), [])).rejects.toThrow(/Java cannot be started/);
  });

  it('evaluates each document of a batch on its own', async () => {
    expect(await saxonEngine().available()).toMatchObject({ ok: true, version: expect.stringMatching(/^SAXON-HE/i) });
    const [good, bad, broken] = await scratch.write({ 'good.xml': '<a>12</a>', 'bad.xml': '<a>twelve</a>', 'broken.xml': '<a>12' });
    const results = await saxonEngine().validateBatch(STYLESHEET('xs:decimal(a) + 1'), [good as string, bad as string, broken as string]);
    expect(results.get(good as string)).toEqual({ ok: true, assertions: [expect.objectContaining({ id: 'VALUE', text: '13' })], firedRules: [ruleKey(1, '/')] });
    expect(results.get(bad as string)).toEqual({ ok: false, reason: expect.stringMatching(/Cannot convert string "twelve" to xs:decimal/) });
    expect(results.get(broken as string)).toEqual({ ok: false, reason: expect.stringMatching(/XML document structures must start and end/) });
  });

  it('keeps each report on disk until it is taken, and nothing once the batch is disposed', async () => {
    const [one, two] = await scratch.write({ 'one.xml': '<a>1</a>', 'two.xml': '<a>2</a>' });
    const temporary = await mkdtemp(join(tmpdir(), 'konform-engine-tmp-'));
    const previous = process.env.TMPDIR;
    process.env.TMPDIR = temporary;
    try {
      const batch = await saxonEngine().runBatch(STYLESHEET('string(a)'), [one as string, two as string]);
      const reports = join(temporary, (await readdir(temporary))[0] as string, 'out');
      expect(await readdir(reports)).toHaveLength(2);
      expect(await batch.take(two as string)).toMatchObject({ ok: true, assertions: [expect.objectContaining({ text: '2' })] });
      expect(await readdir(reports)).toHaveLength(1);
      expect(await batch.take(two as string)).toEqual({ ok: false, reason: expect.stringMatching(/not a document of this batch, or its result was taken/) });
      await batch.dispose();
      expect(await readdir(temporary)).toEqual([]);
    } finally {
      if (previous === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previous;
      await rm(temporary, { recursive: true, force: true });
    }
  });

  it('loads no external entity of a document', async () => {
    const [secret] = await scratch.write({ 'secret.txt': 'TOP-SECRET' });
    const [document] = await scratch.write({ 'xxe.xml': `<!DOCTYPE a [<!ENTITY x SYSTEM "file://${secret}">]><a>&x;</a>` });
    const result = (await saxonEngine().validateBatch(STYLESHEET('string(a)'), [document as string])).get(document as string);
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/accessExternalDTD/) });
  });

  describe('network', () => {
    let server: Server;
    const requests: string[] = [];
    beforeAll(async () => {
      server = createServer((request, response) => {
        requests.push(request.url ?? '');
        response.end('<ok/>');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('reaches no server, even from a stylesheet that asks (konform refuses such Schematron anyway)', async () => {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/probe`;
      const [document] = await scratch.write({ 'net.xml': '<a/>' });
      const select = `concat(doc-available('${url}/doc'), ' ', unparsed-text-available('${url}/text'))`;
      const result = (await saxonEngine().validateBatch(STYLESHEET(select), [document as string])).get(document as string);
      expect(result).toEqual({ ok: true, assertions: [expect.objectContaining({ text: 'false false' })], firedRules: [ruleKey(1, '/')] });
      expect(requests).toEqual([]);
    });
  });
});
