/**
 * `xml.xsd`: each message file is valid against the standard's XML Schema (XSD 1.0). The
 * schema (`schema`, an artifact path of the standard, with an optional OASIS XML catalog for
 * absolute schemaLocations) is compiled once per run when a file first needs it, shared by all
 * files and freed when the run ends (the run disposes its memo). A file whose root element is not in `match` is
 * another document type: inapplicable. A file that is not well-formed fails with its parse
 * errors, one too large to parse is cantTell; every validation error is a fatal finding with
 * line and XPath. Each file is validated in its one parse (document.ts).
 */
import { outcomeOfFindings } from '../../judge/judgement.js';
import type { StandardSchema } from '../../xml/xsd-standard.js';
import type { XsdSchema } from '../../xml/xsd.js';
import type { CheckContext } from '../types.js';
import { registerSchema, schemaFindings, type SchemaEntry } from './document.js';
import { fileSubjects, perFileKind } from './files.js';
import { lintSchema } from './reference-lint.js';

export interface XsdOptions extends StandardSchema {
  match?: string[];
}

/**
 * The schema, compiled when the first file that needs it is validated — a schema no file
 * needs is never compiled — once per run, and freed when the run disposes its memo. One that
 * does not compile throws each time it is asked for.
 */
function compiledOnce(context: CheckContext, options: XsdOptions): Promise<{ get(): XsdSchema; dispose(): void }> {
  return context.memo(`xml.xsd:${options.schema}:${options.catalog ?? ''}`, async () => {
    const { compileStandardXsd } = await import('../../xml/xsd-standard.js');
    let compiled: { schema: XsdSchema } | { failure: unknown } | undefined;
    return {
      get() {
        if (!compiled) {
          try {
            compiled = { schema: compileStandardXsd(context.standard, options) };
          } catch (failure) {
            compiled = { failure };
          }
        }
        if ('failure' in compiled) throw compiled.failure;
        return compiled.schema;
      },
      dispose: () => compiled && 'schema' in compiled && compiled.schema.dispose(),
    };
  });
}

/** The schema for the files whose root is in `match`, judged in each file's one pass (document.ts). */
async function schemaEntry(context: CheckContext, options: XsdOptions): Promise<SchemaEntry> {
  const { get } = await compiledOnce(context, options);
  return { match: options.match, schema: get };
}

export const xsdKind = perFileKind<XsdOptions>({
  name: 'xml.xsd',
  description: "The file is valid against the standard's XML Schema",
  properties: { schema: { type: 'string', minLength: 1 }, catalog: { type: 'string', minLength: 1 } },
  required: ['schema'],
  lint: lintSchema,
  async subjects(context, options, check) {
    await registerSchema(context, check.id, await schemaEntry(context, options));
    return fileSubjects(context);
  },
  async judge(context, options, file, check) {
    const findings = await schemaFindings(context, file, check.id, await schemaEntry(context, options));
    return { outcome: outcomeOfFindings(findings), findings };
  },
});
