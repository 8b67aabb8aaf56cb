/**
 * The API of `dredd-large`: an OpenAPI 3.0 document of 200 GET operations over 25 resources
 * (eight operations each: list, item, parts, one part, owner, location, history, search), as a
 * generated API has them: component schemas that refer to each other ($ref), arrays of
 * objects, enums, formats (uuid, date, date-time, email, uri, int32, int64, double), path and
 * query parameters with an `example` each (Dredd 14 expands a path only from `example`), and
 * for every 200 answer an example body. Built deterministically from the resource names, with
 * the routes of its reference implementation (dredd-large-server.ts): each operation's path,
 * the check of each of its parameters, and the body it answers with.
 */

export interface RouteParameter {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  /** Whether a value (as sent in the URL, decoded) is one the parameter's schema allows. */
  accepts(value: string): boolean;
}

export interface Route {
  /** The path template, e.g. `/stations/{id}/parts/{partId}`. */
  path: string;
  parameters: RouteParameter[];
  /** The body of the 200 answer, an example valid against the documented schema. */
  body: string;
  /** Header fields of the 200 answer besides Content-Type. */
  headers: Record<string, string>;
}

export interface LargeApi {
  document: Record<string, unknown>;
  routes: Route[];
}

const RESOURCES = [
  'station', 'gauge', 'river', 'region', 'sensor', 'reading', 'forecast', 'alert', 'operator', 'device', 'dataset', 'report', 'notice',
  'meeting', 'organisation', 'committee', 'agenda', 'attachment', 'venue', 'paper', 'consultation', 'membership', 'term', 'budget', 'contract',
] as const;

const PART_KINDS = [['level', 'flow', 'temperature'], ['draft', 'final', 'withdrawn'], ['north', 'south', 'east', 'west'], ['low', 'medium', 'high']];
const STATUSES = ['active', 'inactive', 'archived'];
const SORTS = ['name', '-name', 'createdAt', '-createdAt'];
const EXPANSIONS = ['owner', 'location', 'parts'];

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const pascal = (name: string) => name[0]!.toUpperCase() + name.slice(1);
const plural = (name: string) => (name.endsWith('y') ? `${name.slice(0, -1)}ies` : `${name}s`);

/** A UUID derived from two numbers, so that every example is fixed. */
function uuid(resource: number, item: number): string {
  const hex = (value: number, width: number) => value.toString(16).padStart(width, '0');
  return `${hex(resource + 1, 8)}-${hex(item, 4)}-4${hex(resource, 3)}-8${hex(item, 3)}-${hex(resource * 7919 + item, 12)}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const INTEGER = /^-?\d+$/;

interface Parameter extends RouteParameter {
  /** The Parameter Object. */
  object: Record<string, unknown>;
}

function parameter(name: string, location: 'path' | 'query', schema: object, example: unknown, accepts: (value: string) => boolean, required = location === 'path'): Parameter {
  return { name, in: location, required, accepts, object: { name, in: location, required, schema, example } };
}

const uuidPath = (name: string, example: string) => parameter(name, 'path', { type: 'string', format: 'uuid' }, example, (value) => UUID.test(value));

function integer(name: string, location: 'path' | 'query', minimum: number, maximum: number, example: number): Parameter {
  const accepts = (value: string) => INTEGER.test(value) && Number(value) >= minimum && Number(value) <= maximum;
  return parameter(name, location, { type: 'integer', format: 'int32', minimum, maximum }, example, accepts);
}

function oneOf(name: string, values: readonly string[], schema: object = { type: 'string', enum: values }): Parameter {
  return parameter(name, 'query', schema, values[0], (value) => values.includes(value), false);
}

const limit = () => integer('limit', 'query', 1, 100, 20);

function schemas(): Record<string, object> {
  const shared: Record<string, object> = {
    Status: { type: 'string', enum: STATUSES, description: 'Life cycle of a resource' },
    Contact: {
      type: 'object',
      required: ['id', 'name', 'email'],
      properties: { id: { type: 'string', format: 'uuid' }, name: { type: 'string', minLength: 1 }, email: { type: 'string', format: 'email' }, phone: { type: 'string', nullable: true } },
    },
    Coordinates: {
      type: 'object',
      required: ['lat', 'lon'],
      properties: { lat: { type: 'number', format: 'double', minimum: -90, maximum: 90 }, lon: { type: 'number', format: 'double', minimum: -180, maximum: 180 } },
    },
    Address: {
      type: 'object',
      required: ['street', 'postalCode', 'city', 'country'],
      properties: {
        street: { type: 'string' },
        postalCode: { type: 'string', pattern: '^[0-9]{5}$' },
        city: { type: 'string', minLength: 1 },
        country: { type: 'string', enum: ['DE', 'AT', 'CH'] },
        coordinates: ref('Coordinates'),
      },
    },
    Links: {
      type: 'object',
      required: ['self'],
      properties: { self: { type: 'string', format: 'uri' }, next: { type: 'string', format: 'uri', nullable: true } },
    },
    Problem: {
      type: 'object',
      required: ['title', 'status'],
      properties: { type: { type: 'string', format: 'uri' }, title: { type: 'string' }, status: { type: 'integer', minimum: 400, maximum: 599 }, detail: { type: 'string' } },
    },
  };
  RESOURCES.forEach((resource, index) => {
    const name = pascal(resource);
    shared[name] = {
      type: 'object',
      required: ['id', 'name', 'status', 'createdAt'],
      properties: {
        id: { type: 'string', format: 'uuid' },
        name: { type: 'string', minLength: 1, maxLength: 200 },
        description: { type: 'string', nullable: true },
        status: ref('Status'),
        createdAt: { type: 'string', format: 'date-time' },
        owner: ref('Contact'),
        location: ref('Address'),
        tags: { type: 'array', items: { type: 'string' }, maxItems: 20 },
        score: { type: 'number', format: 'double', minimum: 0, maximum: 100 },
        parts: { type: 'array', items: ref(`${name}Part`) },
        links: ref('Links'),
      },
    };
    shared[`${name}Part`] = {
      type: 'object',
      required: ['id', 'kind', 'value'],
      properties: {
        id: { type: 'integer', format: 'int64', minimum: 1 },
        kind: { type: 'string', enum: PART_KINDS[index % PART_KINDS.length] },
        value: { type: 'number', format: 'double' },
        measuredAt: { type: 'string', format: 'date-time' },
      },
    };
    shared[`${name}Page`] = {
      type: 'object',
      required: ['items', 'total', 'links'],
      properties: { items: { type: 'array', items: ref(name) }, total: { type: 'integer', minimum: 0 }, links: ref('Links') },
    };
    shared[`${name}History`] = {
      type: 'object',
      required: ['entries'],
      properties: {
        entries: {
          type: 'array',
          items: { type: 'object', required: ['at', 'status'], properties: { at: { type: 'string', format: 'date-time' }, status: ref('Status'), by: ref('Contact') } },
        },
      },
    };
  });
  return shared;
}

/** Example values, valid against the schemas above. */
function examples(index: number) {
  const resource = RESOURCES[index]!;
  const contact = { id: uuid(index, 900), name: `Owner of ${plural(resource)}`, email: `${resource}@example.org`, phone: null };
  const location = { street: `Hauptstraße ${index + 1}`, postalCode: String(10115 + index), city: 'Berlin', country: 'DE', coordinates: { lat: 52.52, lon: 13.405 } };
  const part = (item: number) => ({ id: item, kind: PART_KINDS[index % PART_KINDS.length]![item % 3], value: item * 1.5, measuredAt: '2024-05-01T12:00:00Z' });
  const links = (path: string) => ({ self: `https://api.example.org/v1${path}`, next: null });
  const item = (number: number) => ({
    id: uuid(index, number),
    name: `${pascal(resource)} ${number}`,
    description: number % 2 === 0 ? null : `The ${resource} number ${number}`,
    status: STATUSES[number % STATUSES.length],
    createdAt: '2024-01-15T08:30:00Z',
    owner: contact,
    location,
    tags: ['public', resource],
    score: 42.5,
    parts: [part(1), part(2)],
    links: links(`/${plural(resource)}/${uuid(index, number)}`),
  });
  const page = { items: [item(1), item(2), item(3)], total: 3, links: links(`/${plural(resource)}`) };
  const history = { entries: [{ at: '2024-01-15T08:30:00Z', status: 'active', by: contact }, { at: '2024-03-01T10:00:00Z', status: 'inactive' }] };
  return { contact, location, part, item, page, history };
}

interface OperationSpec {
  path: string;
  summary: string;
  parameters: Parameter[];
  schema: object;
  example: unknown;
  headers?: Record<string, string>;
}

function operationsOf(index: number): OperationSpec[] {
  const resource = RESOURCES[index]!;
  const name = pascal(resource);
  const base = `/${plural(resource)}`;
  const id = uuidPath('id', uuid(index, 1));
  const example = examples(index);
  const kinds = PART_KINDS[index % PART_KINDS.length]!;
  const total = { 'X-Total-Count': '3' };
  return [
    {
      path: base,
      summary: `List ${plural(resource)}`,
      parameters: [limit(), integer('offset', 'query', 0, 10_000, 0), oneOf('status', STATUSES, ref('Status')), oneOf('sort', SORTS)],
      schema: ref(`${name}Page`),
      example: example.page,
      headers: total,
    },
    { path: `${base}/{id}`, summary: `One ${resource}`, parameters: [id, oneOf('expand', EXPANSIONS)], schema: ref(name), example: example.item(1) },
    {
      path: `${base}/{id}/parts`,
      summary: `Parts of a ${resource}`,
      parameters: [id, oneOf('kind', kinds), limit()],
      schema: { type: 'array', items: ref(`${name}Part`) },
      example: [example.part(1), example.part(2)],
      headers: total,
    },
    { path: `${base}/{id}/parts/{partId}`, summary: `One part of a ${resource}`, parameters: [id, integer('partId', 'path', 1, 1_000_000, 1)], schema: ref(`${name}Part`), example: example.part(1) },
    { path: `${base}/{id}/owner`, summary: `Owner of a ${resource}`, parameters: [id], schema: ref('Contact'), example: example.contact },
    { path: `${base}/{id}/location`, summary: `Location of a ${resource}`, parameters: [id], schema: ref('Address'), example: example.location },
    {
      path: `${base}/{id}/history`,
      summary: `History of a ${resource}`,
      parameters: [id, parameter('since', 'query', { type: 'string', format: 'date' }, '2024-01-01', (value) => DATE.test(value), false), limit()],
      schema: ref(`${name}History`),
      example: example.history,
    },
    {
      path: `/search/${plural(resource)}`,
      summary: `Search ${plural(resource)}`,
      parameters: [parameter('q', 'query', { type: 'string', minLength: 2 }, 'main', (value) => value.length >= 2, true), limit()],
      schema: ref(`${name}Page`),
      example: example.page,
      headers: total,
    },
  ];
}

function operationObject(spec: OperationSpec, operationId: string): object {
  const headers = Object.fromEntries(Object.keys(spec.headers ?? {}).map((header) => [header, { required: true, schema: { type: 'integer', minimum: 0 } }]));
  return {
    get: {
      operationId,
      summary: spec.summary,
      parameters: spec.parameters.map((p) => p.object),
      responses: {
        '200': {
          description: spec.summary,
          ...(spec.headers && { headers }),
          content: { 'application/json': { schema: spec.schema, example: spec.example } },
        },
      },
    },
  };
}

/** The document (as a JSON value) and the routes of its reference implementation. */
export function largeApi(): LargeApi {
  const paths: Record<string, object> = {};
  const routes: Route[] = [];
  RESOURCES.forEach((_, index) => {
    operationsOf(index).forEach((spec, number) => {
      paths[spec.path] = operationObject(spec, `op${index}x${number}`);
      routes.push({ path: spec.path, parameters: spec.parameters, body: JSON.stringify(spec.example), headers: spec.headers ?? {} });
    });
  });
  const document = {
    openapi: '3.0.3',
    info: { title: 'Generated resource API', version: '1.0.0', description: `${routes.length} GET operations over ${RESOURCES.length} resources` },
    servers: [{ url: 'https://api.example.org/v1' }],
    paths,
    components: { schemas: schemas() },
  };
  return { document, routes };
}
