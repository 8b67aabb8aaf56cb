import { describe, expect, it } from 'vitest';
import { allCheckKinds } from '../../src/checks/registry.js';
import { compileOptionsSchema, optionsProblems } from '../../src/run/check-options.js';

const kind = (optionsSchema?: Record<string, unknown>) => ({ name: 'test.kind', ...(optionsSchema ? { optionsSchema } : {}) });

const BUDGET = {
  type: 'object',
  additionalProperties: false,
  properties: {
    maxFindings: { type: 'integer', minimum: 1, default: 20 },
    scheme: { enum: ['http', 'https'] },
    budget: { type: 'object', additionalProperties: false, properties: { maxRequests: { type: 'integer' } } },
  },
};

describe('check options', () => {
  it('compiles the options schema of every shipped kind in strict mode', async () => {
    const kinds = [...(await allCheckKinds()).values()];
    for (const shipped of kinds) expect(() => compileOptionsSchema(shipped), shipped.name).not.toThrow();
  });

  it('refuses a kind schema with a misspelled keyword or a required property defined nowhere', () => {
    const misspelled = kind({ type: 'object', properties: { pageSize: { type: 'integer', minimun: 1 } } });
    expect(() => compileOptionsSchema(misspelled)).toThrow(/test\.kind .*unknown keyword: "minimun"/);
    const undefinedRequired = kind({ type: 'object', properties: { path: { type: 'string' } }, required: ['pth'] });
    expect(() => compileOptionsSchema(undefinedRequired)).toThrow(/required property "pth" is not defined/);
  });

  it('names an unknown option, the close match and the options there are, nested ones too', () => {
    const [unknown] = optionsProblems(kind(BUDGET), { maxFinding: 5 });
    expect(unknown).toEqual({
      pointer: '/maxFinding',
      message: 'unknown option "maxFinding" (did you mean "maxFindings"?) — options: maxFindings, scheme, budget',
    });
    const [nested] = optionsProblems(kind(BUDGET), { budget: { maxRequest: 5 } });
    expect(nested?.pointer).toBe('/budget/maxRequest');
    expect(nested?.message).toContain('unknown option "budget.maxRequest" (did you mean "maxRequests"?)');
  });

  it('names a missing option', () => {
    const withRequired = kind({ ...BUDGET, required: ['scheme'] });
    expect(optionsProblems(withRequired, {})).toEqual([{ pointer: '', message: 'missing option "scheme"' }]);
  });

  it('says what a wrong value must be, and fills in defaults', () => {
    expect(optionsProblems(kind(BUDGET), { scheme: 'ftp', maxFindings: 0 }).map((problem) => problem.message)).toEqual([
      'option "maxFindings" must be >= 1',
      'option "scheme" must be one of http, https',
    ]);
    const options: Record<string, unknown> = {};
    expect(optionsProblems(kind(BUDGET), options)).toEqual([]);
    expect(options).toEqual({ maxFindings: 20 });
  });

  it('gives a kind without an options schema no options', () => {
    expect(optionsProblems(kind(), {})).toEqual([]);
    expect(optionsProblems(kind(), { accept: [404] })[0]?.message).toBe('unknown option "accept" — it takes no options');
  });

  it('keeps xml.schematron to one source, and a phase to a Schematron', async () => {
    const schematron = (await allCheckKinds()).get('xml.schematron');
    if (!schematron) throw new Error('xml.schematron is not registered');
    const valid = (options: Record<string, unknown>) => optionsProblems(schematron, options).length === 0;
    expect(valid({ schematron: 'a.sch', phase: '#ALL' })).toBe(true);
    expect(valid({ xslt: 'a.xsl' })).toBe(true);
    expect(valid({ xslt: 'a.xsl', phase: '#ALL' })).toBe(false);
    expect(valid({ schematron: 'a.sch', xslt: 'a.xsl' })).toBe(false);
    expect(valid({})).toBe(false);
  });
});
