/**
 * The schemas of one document, compiled with one Ajv2020 instance: lazily, each once, cached
 * by its JSON pointer. Schemas written alike share one validator: no object of the document
 * outside a schema has an `$id` (its base URI is the document's everywhere), so the same text
 * validates the same wherever it stands. A generated document repeats its parameter and header
 * schemas in thousands of operations; each is compiled once.
 *
 * How a schema finds what its `$ref`s point to:
 * - OpenAPI 3.1: the whole document is one schema resource (its schemas may carry `$id`,
 *   `$anchor` and `$dynamicRef`), and each schema is compiled as a `$ref` into it;
 * - Swagger 2.0 and OpenAPI 3.0: each schema tree is converted to JSON Schema 2020-12 on its
 *   own, its local `$ref`s made absolute (`<document>#/components/schemas/Station`), and only
 *   what they point to is registered as the resource: for a document of ten thousand
 *   operations, its component schemas rather than megabytes of paths.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { inlineRef } from 'ajv/dist/compile/resolve.js';
import { forEachInSlices, nextTurn } from '../core/event-loop.js';
import { isKonformError, KonformError } from '../model/errors.js';
import { addOpenApiFormats } from './formats.js';
import { invalidPatternPointer } from './invalid-pattern.js';
import { metaSchemaErrors } from './meta-schema.js';
import { fragmentPointer, pointerTokens, uriFragment, valueAt } from '../core/json-pointer.js';
import { patternEngine } from './portable-regexp.js';
import { isJsonObject } from './refs.js';
import { toJsonSchema2020, type RefRewrite } from './schema-convert.js';
import { schemaRoots } from './schema-roots.js';
import { InvalidDocumentError, type DocumentProblem, type SpecErrorFactory } from './spec-error.js';
import type { JsonObject, OpenApiVersion } from './types.js';

/** Base URI of the document resource; the reserved `.invalid` name (RFC 6761 §6.4) is never fetched. */
export const DOCUMENT_ID = 'https://konform.invalid/openapi-document.json';

export class SchemaRegistry {
  /** Pointers of every schema tree of the document, component schemas first. */
  readonly roots: readonly string[];
  /** What the schemas' `$ref`s resolve in, registered as DOCUMENT_ID. */
  readonly resource: JsonObject;
  private readonly ajv: Ajv2020;
  /** The root compiled as it is just now, whose paths Ajv's warnings give from `#`. */
  private compiling: string | undefined;
  /** The roots registered in the resource, compiled as `$ref`s into it; the others are compiled as they are. */
  private readonly inResource: ReadonlySet<string>;
  /** The schema at each root, as converted. */
  private readonly rootSchemas: ReadonlyMap<string, unknown>;
  private readonly validators = new Map<string, ValidateFunction>();
  /** Validators by the text of their schema (schemaText). */
  private readonly validatorsOfText = new Map<string, ValidateFunction>();
  private readonly warningsByProblem = new Map<string, string>();

  /** A registry made step by step, the event loop getting its turn between the steps; an abort of `signal` stops it. */
  static async inSteps(document: JsonObject, version: OpenApiVersion, specError: SpecErrorFactory, signal: AbortSignal | undefined): Promise<SchemaRegistry> {
    const written = schemaRoots(document);
    await nextTurn(signal);
    const converted = convertedSchemas(document, version, written);
    await nextTurn(signal);
    return new SchemaRegistry(document, version, specError, { roots: [...written.keys()], ...converted });
  }

  constructor(document: JsonObject, version: OpenApiVersion, private readonly specError: SpecErrorFactory, prepared?: Prepared) {
    const { roots, ...converted } = prepared ?? preparedSchemas(document, version);
    const isComponent = (pointer: string) => pointer.startsWith('/components/schemas/') || pointer.startsWith('/definitions/');
    this.roots = [...roots.filter(isComponent), ...roots.filter((pointer) => !isComponent(pointer))];
    ({ resource: this.resource, rootSchemas: this.rootSchemas, inResource: this.inResource } = converted);
    const warn = (...parts: unknown[]) => {
      // A schema compiled as it is names its own paths from `#`: they are placed in the document.
      const compiled = this.compiling === undefined ? '' : uriFragment(this.compiling);
      const message = parts.map(String).join(' ').replaceAll('path "#/', `path "#${compiled}/`).replaceAll(DOCUMENT_ID, '');
      // Ajv inlines referenced schemas, so one problem is seen once per place that uses it: keep the first.
      const problem = message.replace(/ in schema at path .*$/, '');
      if (!this.warningsByProblem.has(problem)) this.warningsByProblem.set(problem, message);
    };
    // Schemas are checked against the meta-schema (meta-schema.ts) before they are compiled here.
    // Ajv's optimizing pass over the generated code (dropping unused names) costs a quarter of
    // compiling a document; the code validates the same without it, and V8 runs it as fast.
    this.ajv = new Ajv2020({
      allErrors: true,
      strict: false,
      validateSchema: false,
      code: { optimize: false, regExp: patternEngine((pattern, reason) => warn(`pattern ${JSON.stringify(pattern)} is compiled without the u flag, as Unicode mode refuses it (${reason})`)) },
      logger: { log: () => {}, warn, error: () => {} },
    });
    addOpenApiFormats(this.ajv);
    this.ajv.addSchema(this.resource, DOCUMENT_ID, undefined, false);
  }

  /** What Ajv noticed but accepted while compiling, e.g. a format it does not know. */
  get warnings(): string[] {
    return [...this.warningsByProblem.values()];
  }

  /** The validator of the schema at `pointer`; throws SPEC_INVALID when the schema is not valid or does not compile. */
  validator(pointer: string): ValidateFunction {
    const cached = this.validators.get(pointer);
    if (cached) return cached;
    const schema = this.schemaAt(pointer);
    const target = this.rootReferredTo(schema);
    if (target !== undefined) {
      const validate = this.sharedValidator(pointer, target);
      this.validators.set(pointer, validate);
      return validate;
    }
    const text = schemaText(schema);
    const validate = this.validatorsOfText.get(text) ?? this.compile(pointer, schema);
    this.validatorsOfText.set(text, validate);
    this.validators.set(pointer, validate);
    return validate;
  }

  /** The validator of `target` for the root `pointer` that refers to it, failing as that root would. */
  private sharedValidator(pointer: string, target: string): ValidateFunction {
    try {
      return this.validator(target);
    } catch (error) {
      if (!isKonformError(error)) throw error;
      throw this.specError(error.message, pointer, error);
    }
  }

  /**
   * The root a converted schema is a lone `$ref` to, when that root is in the resource and no
   * lone `$ref` itself: both are compiled as the same `$ref` into the resource, so they share
   * one validator (a generated document's answers mostly refer to a component schema).
   */
  private rootReferredTo(schema: unknown): string | undefined {
    const ref = loneRef(schema);
    if (ref === undefined || !ref.startsWith(`${DOCUMENT_ID}#`)) return undefined;
    const target = fragmentPointer(ref.slice(DOCUMENT_ID.length));
    if (target === undefined || !this.inResource.has(target)) return undefined;
    const referred = this.rootSchemas.get(target);
    return isJsonObject(referred) && typeof referred.$ref === 'string' ? undefined : target;
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

  /** The schema at `pointer` as compiled (Swagger 2.0 and OpenAPI 3.0: converted): a root's, or the part of the root it lies in. */
  schemaAt(pointer: string): unknown {
    const root = rootAround(pointer, this.rootSchemas);
    if (root === undefined) return undefined;
    return valueAt(this.rootSchemas.get(root), pointer.slice(root.length));
  }

  private compile(pointer: string, schema: unknown): ValidateFunction {
    let errors: ErrorObject[];
    try {
      errors = metaSchemaErrors(schema);
      if (errors.length === 0) return this.inResource.has(pointer) ? this.compileInResource(pointer, schema) : this.compileAsItIs(pointer, schema);
    } catch (error) {
      const at = invalidPatternPointer(schema, pointer) ?? pointer;
      throw this.specError(`the schema does not compile: ${(error as Error).message}`, at, error);
    }
    throw this.invalidSchema(pointer, errors);
  }

  /**
   * A root of the resource, compiled as a `$ref` into it. Ajv inlines a schema without `$ref`s
   * into the wrapper; any other it compiles as a function of its own, which the wrapper calls
   * and whose errors it passes on as they are: that function is the validator itself, taken
   * by its reference (`getSchema`), where Ajv keeps it for every schema whose `$ref` leads
   * there, so that a component is compiled once, not again for each schema that refers to it.
   */
  private compileInResource(pointer: string, schema: unknown): ValidateFunction {
    const ref = `${DOCUMENT_ID}#${uriFragment(pointer)}`;
    return (!inlineRef(schema as JsonObject | boolean) && this.ajv.getSchema(ref)) || this.ajv.compile({ $ref: ref });
  }

  private compileAsItIs(pointer: string, schema: unknown): ValidateFunction {
    this.compiling = pointer;
    try {
      return this.ajv.compile(schema as JsonObject | boolean);
    } finally {
      this.compiling = undefined;
    }
  }

  private invalidSchema(pointer: string, errors: ErrorObject[]): KonformError {
    const first = errors[0];
    const message = first ? `${first.message ?? first.keyword}` : 'invalid';
    return this.specError(`the schema is not valid JSON Schema 2020-12: ${message}`, pointer + (first?.instancePath ?? ''));
  }
}

/** What tells a schema's validator: its JSON text, or for a lone `$ref` (most schemas of a generated document) the ref. */
function schemaText(schema: unknown): string {
  const ref = loneRef(schema);
  // No JSON text begins with `$`.
  return ref === undefined ? JSON.stringify(schema) : `$ref ${ref}`;
}

/** The `$ref` of a schema that is nothing but one. */
function loneRef(schema: unknown): string | undefined {
  return isJsonObject(schema) && typeof schema.$ref === 'string' && Object.keys(schema).length === 1 ? schema.$ref : undefined;
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

/** The schema roots of a document, the schema at each as compiled, and the resource their `$ref`s resolve in. */
interface Prepared {
  roots: readonly string[];
  rootSchemas: ReadonlyMap<string, unknown>;
  resource: JsonObject;
  /** The roots the resource holds. */
  inResource: ReadonlySet<string>;
}

/** The root that is `pointer` or holds it, if any. */
function rootAround(pointer: string, rootSchemas: ReadonlyMap<string, unknown>): string | undefined {
  for (let prefix = pointer; prefix !== ''; prefix = prefix.slice(0, prefix.lastIndexOf('/'))) {
    if (rootSchemas.has(prefix)) return prefix;
  }
  return undefined;
}

function preparedSchemas(document: JsonObject, version: OpenApiVersion): Prepared {
  const written = schemaRoots(document);
  return { roots: [...written.keys()], ...convertedSchemas(document, version, written) };
}

/** The schema at each root as JSON Schema 2020-12 (those of OpenAPI 3.1 are already), and the resource they refer into. */
function convertedSchemas(document: JsonObject, version: OpenApiVersion, written: ReadonlyMap<string, unknown>): Omit<Prepared, 'roots'> {
  if (version === '3.1') return { resource: document, rootSchemas: written, inResource: new Set(written.keys()) };
  const targets = new Set<string>();
  const absolute: RefRewrite = (ref) => {
    const pointer = fragmentPointer(ref);
    if (pointer === undefined) return ref;
    targets.add(pointer);
    return DOCUMENT_ID + ref;
  };
  const rootSchemas = new Map([...written].map(([pointer, schema]) => [pointer, toJsonSchema2020(schema, document, absolute)]));
  return { rootSchemas, ...resourceOf(document, rootSchemas, targets) };
}

/**
 * The document as far as the `$ref`s reach: each root a target lies in, converted, at its place.
 * A target outside every schema tree (`#/components/schemas` itself, a Parameter Object) takes
 * the whole document, with every root converted; only the objects on the way to a root are
 * copied, the rest is shared with `document`, which is read and never written.
 */
function resourceOf(document: JsonObject, rootSchemas: ReadonlyMap<string, unknown>, targets: ReadonlySet<string>): Pick<Prepared, 'resource' | 'inResource'> {
  const targetRoots = [...targets].map((target) => rootAround(target, rootSchemas));
  const everyTargetInARoot = targetRoots.every((root) => root !== undefined);
  const resource: Record<string, unknown> = everyTargetInARoot ? {} : { ...document };
  const copies = new Set<object>([resource]);
  const place = (pointer: string) => {
    const tokens = pointerTokens(pointer);
    const last = tokens.pop() as string;
    let container = resource;
    for (const token of tokens) {
      const child = container[token];
      const copy = !isJsonObject(child) && !Array.isArray(child) ? {} : copies.has(child) ? child : Array.isArray(child) ? [...child] : { ...child };
      copies.add(copy);
      container = container[token] = copy as Record<string, unknown>;
    }
    container[last] = rootSchemas.get(pointer);
  };
  const inResource = everyTargetInARoot ? new Set(targetRoots as string[]) : new Set(rootSchemas.keys());
  for (const root of inResource) place(root);
  return { resource: resource as JsonObject, inResource };
}
