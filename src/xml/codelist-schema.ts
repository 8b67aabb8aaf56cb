/**
 * What the standard's XML Schemas say about XÖV codes: the type of each element of a message
 * (global declarations, local declarations in content models incl. extension and groups,
 * xsi:type) and, for a type derived from the XÖV datatype Code, the listURI and listVersionID
 * it fixes. XÖV-Handbuch (Datentyp Code, Code-Typen 1–4): a list or version the standard fixes
 * may be left out of the message. Redefine and override are not read; an element the schemas
 * do not declare leaves its subtree untyped.
 */
import type { CheckContext } from '../checks/types.js';
import { artifactsUnder, folderPrefix } from '../core/artifacts-under.js';
import { clark, SchemaComponents, XS, type SchemaNode } from './codelist-schema-components.js';
import { parseElementTree, resolveName, type XmlElement } from './element-tree.js';

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const XOEV_CODE = '{http://xoev.de/schemata/code/1_0}Code';

export interface FixedList {
  listURI?: string;
  listVersionID?: string;
}

const xs = (node: XmlElement, ...locals: string[]) => node.children.filter((child) => child.namespace === XS && locals.includes(child.local));

export class CodeSchema {
  readonly components = new SchemaComponents();
  private readonly contents = new WeakMap<XmlElement, Map<string, SchemaNode>>();
  private readonly codes = new WeakMap<XmlElement, FixedList | null>();

  /** The type of an element of a message, given its parent's type (undefined for the root). */
  typeOf(element: XmlElement, parentType: SchemaNode | undefined): SchemaNode | undefined {
    const xsiType = Object.entries(element.attributes).find(([name]) => name.endsWith(':type') && resolveName(name, element.scope, false)?.namespace === XSI)?.[1];
    const named = xsiType === undefined ? undefined : resolveName(xsiType, element.scope);
    if (named) return this.components.type(clark(named.namespace, named.local));
    const key = clark(element.namespace, element.local);
    const declaration = (parentType && this.content(parentType).get(key)) ?? this.components.element(key);
    return declaration && this.declaredType(declaration);
  }

  /** For a type derived from the XÖV Code datatype, the list and version it fixes; else undefined. */
  codeList(type: SchemaNode): FixedList | undefined {
    if (!this.codes.has(type.node)) this.codes.set(type.node, this.fixedOf(type, new Set()));
    return this.codes.get(type.node) ?? undefined;
  }

  private declaredType(declaration: SchemaNode): SchemaNode | undefined {
    const { attributes } = declaration.node;
    if (attributes.ref) {
      const global = this.components.element(this.components.qname(declaration, attributes.ref));
      return global && this.declaredType(global);
    }
    if (attributes.type) return this.components.type(this.components.qname(declaration, attributes.type));
    const inline = xs(declaration.node, 'complexType')[0];
    return inline && { node: inline, doc: declaration.doc };
  }

  /** The expanded name of a particle in instances (XSD 1.0 Part 1 §3.3.2: form, elementFormDefault). */
  private particleName(particle: SchemaNode): string {
    const { attributes } = particle.node;
    if (attributes.ref) return this.components.qname(particle, attributes.ref) ?? '';
    const qualified = (attributes.form ?? (particle.doc.qualified ? 'qualified' : 'unqualified')) === 'qualified';
    return clark(qualified ? particle.doc.targetNamespace : '', attributes.name ?? '');
  }

  /** The element declarations of a type's content model by expanded name (Element Declarations Consistent makes them unique). */
  private content(type: SchemaNode): Map<string, SchemaNode> {
    let content = this.contents.get(type.node);
    if (!content) {
      content = new Map();
      this.collect(type, content, new Set());
      this.contents.set(type.node, content);
    }
    return content;
  }

  private collect(at: SchemaNode, into: Map<string, SchemaNode>, seen: Set<XmlElement>): void {
    if (seen.has(at.node)) return;
    seen.add(at.node);
    for (const node of xs(at.node, 'element', 'group', 'extension', 'sequence', 'choice', 'all', 'complexContent', 'restriction')) {
      const particle = { node, doc: at.doc };
      if (node.local === 'element') {
        const name = this.particleName(particle);
        if (!into.has(name)) into.set(name, particle);
      } else if (node.local === 'group') {
        const group = this.components.group(this.components.qname(particle, node.attributes.ref));
        if (group) this.collect(group, into, seen);
      } else {
        const base = node.local === 'extension' ? this.components.type(this.components.qname(particle, node.attributes.base)) : undefined;
        if (base) this.collect(base, into, seen);
        this.collect(particle, into, seen);
      }
    }
  }

  private fixedOf(type: SchemaNode, seen: Set<XmlElement>): FixedList | null {
    if (seen.has(type.node)) return null;
    seen.add(type.node);
    if (type.node.attributes.name && clark(type.doc.targetNamespace, type.node.attributes.name) === XOEV_CODE) return {};
    const derivation = xs(type.node, 'complexContent').flatMap((content) => xs(content, 'restriction', 'extension'))[0];
    const baseName = derivation && this.components.qname({ node: derivation, doc: type.doc }, derivation.attributes.base);
    const baseType = this.components.type(baseName);
    const base = baseName === XOEV_CODE ? {} : baseType ? this.fixedOf(baseType, seen) : null;
    if (!derivation || !base) return null;
    const fixed = (name: string) => xs(derivation, 'attribute').find((attribute) => attribute.attributes.name === name)?.attributes.fixed;
    const listURI = fixed('listURI') ?? base.listURI;
    const listVersionID = fixed('listVersionID') ?? base.listVersionID;
    return { ...(listURI !== undefined ? { listURI } : {}), ...(listVersionID !== undefined ? { listVersionID } : {}) };
  }
}

async function loadSchemas(context: CheckContext, folder: string): Promise<CodeSchema> {
  const schema = new CodeSchema();
  for (const path of artifactsUnder(context.standard, folder, '.xsd')) {
    schema.components.add(parseElementTree((await context.artifact(path)).toString('utf8')).root);
  }
  return schema;
}

/** The code types of the XML Schemas under `folder` of the run's standard, read once per run. */
export function codeSchema(context: CheckContext, folder: string): Promise<CodeSchema> {
  return context.memo(`xoev:schemas:${context.standard.dir}:${folderPrefix(folder)}`, () => loadSchemas(context, folder));
}
