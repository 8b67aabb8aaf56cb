/**
 * The schemas of one document, compiled with one Ajv2020 instance: lazily, each once, cached
 * by its JSON pointer. The whole document (its Swagger 2.0 / OpenAPI 3.0 schemas converted to
 * JSON Schema 2020-12) is registered as one schema resource, so `$ref`s such as
 * `#/components/schemas/Station` resolve inside it and a schema is compiled by its pointer.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { isKonformError, KonformError } from '../model/errors.js';
import { addOpenApiFormats } from './formats.js';
import { invalidPatternPointer } from './invalid-pattern.js';
import { metaSchemaErrors } from './meta-schema.js';
import { splitPointer, uriFragment, valueAt } from '../core/json-pointer.js';
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
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly warningsByProblem = new Map<string, string>();

  constructor(document: JsonObject, version: OpenApiVersion, private readonly specError: SpecErrorFactory) {
    const roots = schemaRootPointers(document);
    const isComponent = (pointer: string) => /^\/(components\/schemas|definitions)\//.test(pointer);
    this.roots = [...roots.filter(isComponent), ...roots.filter((pointer) => !isComponent(pointer))];
    this.converted = version === '3.1' ? document : convertedCopy(document, roots);
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
    const validate = this.compile(pointer);
    this.validators.set(pointer, validate);
    return validate;
  }

  /**
   * Compiles every schema of the document; throws InvalidDocumentError with every schema that
   * fails. A problem of a referenced schema also fails each schema that refers to it, placed
   * at that schema: it is reported once, where it is written when that was found.
   */
  compileAll(): void {
    const failures: Array<{ root: string; error: KonformError }> = [];
    for (const root of this.roots) {
      try {
        this.validator(root);
      } catch (error) {
        if (!isKonformError(error)) throw error;
        failures.push({ root, error });
      }
    }
    const placedInside = ({ root, error }: (typeof failures)[number]) => error.location?.pointer !== root;
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

  private compile(pointer: string): ValidateFunction {
    const schema = valueAt(this.converted, pointer);
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

function convertedCopy(document: JsonObject, roots: readonly string[]): JsonObject {
  const copy = structuredClone(document);
  for (const pointer of roots) {
    const { parent, token } = splitPointer(pointer) as { parent: string; token: string };
    (valueAt(copy, parent) as JsonObject)[token] = toJsonSchema2020(valueAt(document, pointer), document);
  }
  return copy;
}
