/**
 * `xml.xsd`: each message file is valid against the standard's XML Schema (XSD 1.0). The
 * schema (`schema`, an artifact path of the standard, with an optional OASIS XML catalog for
 * absolute schemaLocations) is compiled once per run, shared by all files and freed when the
 * run ends (the run disposes its memo). A file whose root element is not in `match` is
 * another document type: inapplicable. A file that is not well-formed fails with its parse
 * errors, one too large to parse is cantTell; every validation error is a fatal finding with
 * line and XPath.
 */
import { outcomeOfFindings } from '../../judge/judgement.js';
import type { StandardSchema } from '../../xml/xsd-standard.js';
import type { XsdSchema } from '../../xml/xsd.js';
import type { CheckContext } from '../types.js';
import { perFileKind } from './files.js';
import { lintSchema } from './reference-lint.js';

export interface XsdOptions extends StandardSchema {
  match?: string[];
}

function schemaOf(context: CheckContext, options: XsdOptions): Promise<XsdSchema> {
  const key = `xml.xsd:${options.schema}:${options.catalog ?? ''}`;
  return context.memo(key, async () => {
    const { compileStandardXsd } = await import('../../xml/xsd-standard.js');
    return compileStandardXsd(context.standard, options);
  });
}

export const xsdKind = perFileKind<XsdOptions>({
  name: 'xml.xsd',
  description: "The file is valid against the standard's XML Schema",
  properties: { schema: { type: 'string', minLength: 1 }, catalog: { type: 'string', minLength: 1 } },
  required: ['schema'],
  lint: lintSchema,
  async judge(context, options, file) {
    const schema = await schemaOf(context, options);
    const { validateXmlFile } = await import('../../xml/xsd-file.js');
    const { findings } = validateXmlFile(schema, file);
    return { outcome: outcomeOfFindings(findings), findings };
  },
});
