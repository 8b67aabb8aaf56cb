/**
 * The global components of a set of XML Schema documents — element declarations, complex types
 * and model groups — by expanded name (XSD 1.0 Part 1 §3.15.2: the {target namespace} and name),
 * for the type walk of the code-list check. The first definition of a name wins.
 */
import { resolveName, type XmlElement } from './element-tree.js';

export const XS = 'http://www.w3.org/2001/XMLSchema';

export interface SchemaDoc {
  targetNamespace: string;
  /** elementFormDefault="qualified". */
  qualified: boolean;
}

/** A declaration, type or group of a schema document, with the document it sits in. */
export interface SchemaNode {
  node: XmlElement;
  doc: SchemaDoc;
}

export const clark = (namespace: string, local: string) => `{${namespace}}${local}`;

type Component = 'element' | 'complexType' | 'group';

export class SchemaComponents {
  private readonly tables: Record<Component, Map<string, SchemaNode>> = {
    element: new Map(),
    complexType: new Map(),
    group: new Map(),
  };

  add(schema: XmlElement): void {
    const doc = { targetNamespace: schema.attributes.targetNamespace ?? '', qualified: schema.attributes.elementFormDefault === 'qualified' };
    for (const node of schema.children) {
      const table = node.namespace === XS && Object.hasOwn(this.tables, node.local) ? this.tables[node.local as Component] : undefined;
      const key = node.attributes.name && clark(doc.targetNamespace, node.attributes.name);
      if (table && key && !table.has(key)) table.set(key, { node, doc });
    }
  }

  element(name: string | undefined): SchemaNode | undefined {
    return name === undefined ? undefined : this.tables.element.get(name);
  }

  type(name: string | undefined): SchemaNode | undefined {
    return name === undefined ? undefined : this.tables.complexType.get(name);
  }

  group(name: string | undefined): SchemaNode | undefined {
    return name === undefined ? undefined : this.tables.group.get(name);
  }

  /** A QName attribute value (`prefix:local`) of a schema node, in Clark notation. */
  qname(at: SchemaNode, value: string | undefined): string | undefined {
    const name = value === undefined ? undefined : resolveName(value, at.node.scope);
    return name && clark(name.namespace, name.local);
  }
}
