/**
 * A Schematron requirement is passed only where a rule of it fired (ISO/IEC 19757-3 §6.5): the
 * context of the rule matched a node of the file and its assertions were evaluated there. BR-DE-24-a
 * belongs to the XRechnung rule whose context is a card payment (payment means 48, 54, 55).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XRECHNUNG_TESTSUITE } from '../../../fixtures/xrechnung/instances.js';
import type { Report } from '../../../src/model/report.js';
import { run } from '../../../src/run/run.js';
import { scratchFolder, type Scratch } from '../../xml/schematron-support.js';

const STANDARD_CASES = join(XRECHNUNG_TESTSUITE, 'business-cases', 'standard');
/** Paid by credit transfer (58): no card payment for BR-DE-24-a to examine. */
const CREDIT_TRANSFER = join(STANDARD_CASES, '01.02a-INVOICE_ubl.xml');
/** Paid by card (48), with the card's information (BG-18). */
const CARD_PAYMENT = join(STANDARD_CASES, '03.03a-INVOICE_ubl.xml');

const outcomeOf = (report: Report, requirement: string) => report.requirements.find((candidate) => candidate.id === requirement)?.outcome;
const resultOf = (report: Report, check: string) => report.results.find((result) => result.check === check);

let scratch: Scratch;
beforeAll(async () => {
  scratch = await scratchFolder();
});
afterAll(() => scratch.remove());

describe('xml.schematron: the rules a file gave a case of', () => {
  it('leaves a requirement inapplicable whose rule context matched nothing in the file', async () => {
    const report = await run({ suite: 'xrechnung-3.0', target: { files: [CREDIT_TRANSFER] } });
    expect(report.verdict).toBe('conformant');
    expect(outcomeOf(report, 'BR-DE-24-a')).toBe('inapplicable');
    expect(resultOf(report, 'xrechnung-ubl')?.rules).not.toContain('BR-DE-24-a');
    // The rule on the invoice itself fired: its requirements were examined and hold.
    expect(resultOf(report, 'xrechnung-ubl')?.rules).toContain('BR-DE-1');
    expect(outcomeOf(report, 'BR-DE-1')).toBe('passed');
    // So did the CEN rule on the invoice (BR-01); the file has no document level charge (BR-36).
    expect(resultOf(report, 'cen-ubl')?.rules).toContain('BR-01');
    expect(outcomeOf(report, 'BR-01')).toBe('passed');
    expect(resultOf(report, 'cen-ubl')?.rules).not.toContain('BR-36');
    expect(outcomeOf(report, 'BR-36')).toBe('inapplicable');
  });

  it('passes the requirement where its rule fired and held', async () => {
    const report = await run({ suite: 'xrechnung-3.0', target: { files: [CARD_PAYMENT] } });
    expect(report.verdict).toBe('conformant');
    expect(resultOf(report, 'xrechnung-ubl')?.rules).toContain('BR-DE-24-a');
    expect(outcomeOf(report, 'BR-DE-24-a')).toBe('passed');
  });

  it('fails the requirement where its rule fired and was violated', async () => {
    const text = await readFile(CARD_PAYMENT, 'utf8');
    const [file] = await scratch.write({ 'card-payment-without-card.xml': text.replace(/<cac:CardAccount>[\s\S]*?<\/cac:CardAccount>/, '') });
    const report = await run({ suite: 'xrechnung-3.0', target: { files: [file as string] } });
    expect(resultOf(report, 'xrechnung-ubl')?.findings).toContainEqual(expect.objectContaining({ rule: 'BR-DE-24-a', severity: 'error' }));
    expect(resultOf(report, 'xrechnung-ubl')?.rules).toContain('BR-DE-24-a');
    expect(outcomeOf(report, 'BR-DE-24-a')).toBe('failed');
  });
});
