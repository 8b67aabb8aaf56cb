/**
 * What every stylesheet konform emits declares besides the rules: its namespaces (the
 * schema's, konform's own, and `xs`) and the functions that write SVRL @location in the ISO
 * skeleton's `schematron-get-full-path` form (ISO/IEC 19757-3:2016 Annex D, location).
 */
import { ERROR_CODES, KonformError } from '../../model/errors.js';
import type { SchemaModel } from './model.js';

export const XSL = 'http://www.w3.org/1999/XSL/Transform';
export const SVRL = 'http://purl.oclc.org/dsdl/svrl';
export const KONFORM = 'urn:konform:schematron';
const XML_SCHEMA = 'http://www.w3.org/2001/XMLSchema';

const RESERVED: Record<string, string> = { xsl: XSL, svrl: SVRL, ksch: KONFORM };

/**
 * The schema's prefixes, less those the stylesheet declares itself (which must mean the same),
 * and `xs` where the schema does not bind it: schemas written for the ISO skeleton or SchXslt
 * (XRechnung's CII rules, say) use `xs:decimal` without declaring `xs`, as both declare it.
 */
export function schemaNamespaces(model: SchemaModel): Array<[string, string]> {
  const withXs = model.namespaces.has('xs') ? [...model.namespaces] : [...model.namespaces, ['xs', XML_SCHEMA] as [string, string]];
  return withXs.filter(([prefix, uri]) => {
    if (RESERVED[prefix] === undefined) return true;
    if (RESERVED[prefix] === uri) return false;
    throw new KonformError(ERROR_CODES.STANDARD_INVALID, `the Schematron binds the prefix ${prefix} to ${uri}; konform's stylesheet needs it for ${RESERVED[prefix]}`);
  });
}

/** XSLT version per query binding (§6.4 and Annex C–H). */
export const VERSIONS: Record<string, string> = { xslt: '1.0', xslt2: '2.0', xslt3: '3.0' };

/** `ksch:location(node)`: `/*:local[namespace-uri()='…'][n]` steps, `/@name` for an attribute, `/` for the document. */
export const LOCATION_FUNCTIONS = `<xsl:function name="ksch:step">
  <xsl:param name="e"/>
  <xsl:variable name="n" select="1 + count($e/preceding-sibling::*[local-name() = local-name($e) and namespace-uri() = namespace-uri($e)])"/>
  <xsl:sequence select="if (namespace-uri($e) = '') then concat('/', local-name($e), '[', $n, ']') else concat('/*:', local-name($e), '[namespace-uri()=''', namespace-uri($e), '''][', $n, ']')"/>
</xsl:function>
<xsl:function name="ksch:location">
  <xsl:param name="node"/>
  <xsl:variable name="attribute" select="if (not($node instance of attribute())) then '' else if (namespace-uri($node) = '') then concat('/@', local-name($node)) else concat('/@*[local-name()=''', local-name($node), ''' and namespace-uri()=''', namespace-uri($node), ''']')"/>
  <xsl:sequence select="if ($node instance of document-node()) then '/' else concat(string-join(for $e in $node/ancestor-or-self::* return ksch:step($e), ''), $attribute)"/>
</xsl:function>`;
