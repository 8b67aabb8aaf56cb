/**
 * A JSON-LD document read as RDF by the `jsonld` library (safe mode: a term or IRI it would
 * drop is an error), with the few queries the EARL tests ask of the graph. Remote contexts are
 * refused: the document must carry its context inline.
 */
import jsonld from 'jsonld';

interface Term {
  termType: string;
  value: string;
}

interface Quad {
  subject: Term;
  predicate: Term;
  object: Term;
}

export const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  earl: 'http://www.w3.org/ns/earl#',
  dct: 'http://purl.org/dc/terms/',
  spdx: 'http://spdx.org/rdf/terms#',
} as const;

export const RDF_TYPE = `${NS.rdf}type`;

export class RdfGraph {
  private readonly bySubject = new Map<string, Map<string, string[]>>();
  private readonly byObject = new Map<string, Map<string, string[]>>();

  constructor(readonly quads: readonly Quad[]) {
    for (const { subject, predicate, object } of quads) {
      add(this.bySubject, subject.value, predicate.value, object.value);
      add(this.byObject, object.value, predicate.value, subject.value);
    }
  }

  /** The values of a property of a node (IRIs, blank node labels or literal texts). */
  values(node: string, property: string): string[] {
    return this.bySubject.get(node)?.get(property) ?? [];
  }

  /** The one value of a property; an error when there is none or more than one. */
  value(node: string, property: string): string {
    const values = this.values(node, property);
    if (values.length !== 1) throw new Error(`${node} has ${values.length} values of ${property}: ${values.join(', ')}`);
    return values[0]!;
  }

  /** The nodes whose property has the value. */
  having(property: string, value: string): string[] {
    return this.byObject.get(value)?.get(property) ?? [];
  }

  /** The nodes of an rdf:type. */
  ofType(type: string): string[] {
    return this.having(RDF_TYPE, type);
  }
}

function add(index: Map<string, Map<string, string[]>>, key: string, property: string, value: string): void {
  const properties = index.get(key) ?? new Map<string, string[]>();
  const values = properties.get(property) ?? [];
  values.push(value);
  properties.set(property, values);
  index.set(key, properties);
}

const refuseNetwork = async (url: string): Promise<never> => {
  throw new Error(`the document asked for a remote context: ${url}`);
};

export async function readJsonLd(text: string): Promise<RdfGraph> {
  const quads = await jsonld.toRDF(JSON.parse(text) as object, { documentLoader: refuseNetwork, safe: true } as jsonld.Options.ToRdf);
  return new RdfGraph(quads as Quad[]);
}
