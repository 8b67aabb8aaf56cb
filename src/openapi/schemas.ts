/**
 * The schemas of one document, compiled with one Ajv2020 instance: lazily, each once, cached
 * by its JSON pointer. The whole document (its Swagger 2.0 / OpenAPI 3.0 schemas converted to
 * JSON Schema 2020-12) is registered as one schema resource, so `$ref`s such as
 * `#/components/schemas/Station` resolve inside it and a schema is compiled by its pointer.
 * Schemas written alike share one validator: no object of the document outside a schema has
 * an `$id` (its base URI is the document's everywhere), so the same text validates the same
 * wherever it stands. A generated document repeats its parameter and header schemas in
 * thousands of operations; each is compiled once.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { forEachInSlices, nextTurn } from '../core/event-loop.js';
import { isKonformError, KonformError } from '../model/errors.js';
import { addOpenApiFormats } from './formats.js';
import { invalidPatternPointer } from './invalid-pattern.js';
import { metaSchemaErrors } from './meta-schema.js';
import { pointerTokens, uriFragment, valueAt } from '../core/json-pointer.js';
import { patternEngine } from './portable-regexp.js';
import { toJsonSchema2020 } from './schema-convert.js';
import { schemaRootPointers } from './schema-roots.js';
import { InvalidDocumentError, type DocumentProblem, type SpecErrorFactory } from './spec-error.js';
import type { JsonObject, OpenApiVersion } from './types.js';

/** Base URI of the document resource; the reserved `.invalid` name (RFC 6761 §6.4) is never fetched. */
const DOCUMENT_ID = 'https://konform.invalid/openapi-document.json';

export class SchemaRegistry {
  /** Pointers of every schema tree of the document, component schemas first. */
  readonly roots: readonly string[];
  /** The document with its schemas as JSON Schema 2020-12: the resource every validator is compiled from. */
  readonly converted: JsonObject;
  private readonly ajv: Ajv2020;
  /** The schema at each root, as converted. */
  private readonly rootSchemas: ReadonlyMap<string, unknown>;
  private readonly validators = new Map<string, ValidateFunction>();
  /** Validators by the JSON text of their schema. */
  private readonly validatorsOfText = new Map<string, ValidateFunction>();
  private readonly warningsByProblem = new Map<string, string>();

  /** A registry made step by step, the event loop getting its turn between the steps; an abort of `signal` stops it. */
  static async inSteps(document: JsonObject, version: OpenApiVersion, specError: SpecErrorFactory, signal: AbortSignal | undefined): Promise<SchemaRegistry> {
    const roots = schemaRootPointers(document);
    await nextTurn(signal);
    const converted = convertedSchemas(document, version, roots);
    await nextTurn(signal);
    return new SchemaRegistry(document, version, specError, { roots, ...converted });
  }

  constructor(document: JsonObject, version: OpenApiVersion, private readonly specError: SpecErrorFactory, prepared?: Prepared) {
    const roots = prepared?.roots ?? schemaRootPointers(document);
    const isComponent = (pointer: string) => /^\/(components\/schemas|definitions)\//.test(pointer);
    this.roots = [...roots.filter(isComponent), ...roots.filter((pointer) => !isComponent(pointer))];
    ({ converted: this.converted, rootSchemas: this.rootSchemas } = prepared ?? convertedSchemas(document, version, roots));
    const warn = (...parts: unknown[]) => {
      const message = parts.map(String).join(' ').replaceAll(DOCUMENT_ID, '');
      // Ajv inlines referenced schemas, so one problem is seen once per place that uses it: keep the first.
      const problem = message.replace(/ in schema at path .*$/, '');
      if (!this.warningsByProblem.has(problem)) this.warningsByProblem.set(problem, message);
    };
    // Schemas are checked against the meta-schema (meta-schema.ts) before they are compiled here.
    this.ajv = new Ajv2020({
      allErrors: true,
      strict: false,
      validateSchema: false,
      code: { regExp: patternEngine((pattern, reason) => warn(`pattern ${JSON.stringify(pattern)} is compiled without the u flag, as Unicode mode refuses it (${reason})`)) },
      logger: { log: () => {}, warn, error: () => {} },
    });
    addOpenApiFormats(this.ajv);
    this.ajv.addSchema(this.converted, DOCUMENT_ID, undefined, false);
  }

  /** What Ajv noticed but accepted while compiling, e.g. a format it does not know. */
  get warnings(): string[] {
    return [...this.warningsByProblem.values()];
  }

  /** The validator of the schema at `pointer`; throws SPEC_INVALID when the schema is not valid or does not compile. */
  validator(pointer: string): ValidateFunction {
    const cached = this.validators.get(pointer);
    if (cached) return cached;
    const schema = this.rootSchemas.get(pointer) ?? valueAt(this.converted, pointer);
    const text = JSON.stringify(schema);
    const validate = this.validatorsOfText.get(text) ?? this.compile(pointer, schema);
    this.validatorsOfText.set(text, validate);
    this.validators.set(pointer, validate);
    return validate;
  }

  /**
   * Compiles every schema of the document; throws InvalidDocumentError with every schema that
   * fails. A problem of a referenced schema also fails each schema that refers to it, placed
   * at that schema: it is reported once, where it is written when that was found.
   */
  compileAll(): void {
    throwProblems(this.roots.flatMap((root) => this.failureOf(root)));
  }

  /** As compileAll, giving the event loop its turns meanwhile; an abort of `signal` stops it. */
  async compileAllInSlices(signal: AbortSignal | undefined): Promise<void> {
    const failures: Failure[] = [];
    await forEachInSlices(this.roots, signal, (root) => failures.push(...this.failureOf(root)));
    throwProblems(failures);
  }

  /** Why the schema at `root` does not compile; none when it does. */
  private failureOf(root: string): Failure[] {
    try {
      this.validator(root);
      return [];
    } catch (error) {
      if (!isKonformError(error)) throw error;
      return [{ root, error }];
    }
  }

  private compile(pointer: string, schema: unknown): ValidateFunction {
    let errors: ErrorObject[];
    try {
      errors = metaSchemaErrors(schema);
      if (errors.length === 0) return this.ajv.compile({ $ref: `${DOCUMENT_ID}#${uriFragment(pointer)}` });
    } catch (error) {
      const at = invalidPatternPointer(schema, pointer) ?? pointer;
      throw this.specError(`the schema does not compile: ${(error as Error).message}`, at, error);
    }
    throw this.invalidSchema(pointer, errors);
  }

  private invalidSchema(pointer: string, errors: ErrorObject[]): KonformError {
    const first = errors[0];
    const message = first ? `${first.message ?? first.keyword}` : 'invalid';
    return this.specError(`the schema is not valid JSON Schema 2020-12: ${message}`, pointer + (first?.instancePath ?? ''));
  }
}

interface Failure {
  root: string;
  error: KonformError;
}

/** Throws InvalidDocumentError with the problems of `failures`, each once (see compileAll). */
function throwProblems(failures: readonly Failure[]): void {
  const placedInside = ({ root, error }: Failure) => error.location?.pointer !== root;
  const placedMessages = new Set(failures.filter(placedInside).map(({ error }) => error.message));
  const problems = new Map<string, DocumentProblem>();
  for (const failure of failures) {
    const { message, location = {} } = failure.error;
    const inside = placedInside(failure);
    if (!inside && placedMessages.has(message)) continue;
    const key = inside ? `${location.pointer} ${message}` : message;
    if (!problems.has(key)) problems.set(key, { aspect: 'schema', message, location });
  }
  const [first, ...others] = problems.values();
  if (first) throw new InvalidDocumentError([first, ...others]);
}

/** The schema roots of a document, and the document with the schemas at them as JSON Schema 2020-12. */
interface Prepared {
  roots: readonly string[];
  converted: JsonObject;
  rootSchemas: ReadonlyMap<string, unknown>;
}

/** The document with its schemas as JSON Schema 2020-12 (those of OpenAPI 3.1 are already), and the schema at each root. */
function convertedSchemas(document: JsonObject, version: OpenApiVersion, roots: readonly string[]): Omit<Prepared, 'roots'> {
  if (version === '3.1') return { converted: document, rootSchemas: new Map(roots.map((pointer) => [pointer, valueAt(document, pointer)])) };
  const { copy, schemas } = convertedCopy(document, roots);
  return { converted: copy, rootSchemas: schemas };
}

/**
 * The document with the schema at each root converted, and the converted schemas by root. Only
 * the objects on the way to a root are copied; the rest is shared with `document`, which is read
 * and never written.
 */
function convertedCopy(document: JsonObject, roots: readonly string[]): { copy: JsonObject; schemas: Map<string, unknown> } {
  const copies = new Set<object>();
  const copyOf = (value: object): Record<string, unknown> => {
    const copied = Array.isArray(value) ? [...value] : { ...value };
    copies.add(copied);
    return copied as Record<string, unknown>;
  };
  const copy = copyOf(document);
  const schemas = new Map<string, unknown>();
  for (const pointer of roots) {
    const tokens = pointerTokens(pointer);
    const last = tokens.pop() as string;
    let container = copy;
    let written: Record<string, unknown> = document;
    for (const token of tokens) {
      const child = container[token] as object;
      container = copies.has(child) ? (child as Record<string, unknown>) : (container[token] = copyOf(child));
      written = written[token] as Record<string, unknown>;
    }
    const schema = toJsonSchema2020(written[last], document);
    container[last] = schema;
    schemas.set(pointer, schema);
  }
  return { copy: copy as JsonObject, schemas };
}
