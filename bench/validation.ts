/**
 * Response validation inside konform (checkBody, the path of the openapi.body-schema check:
 * media type, strict UTF-8 decoding, JSON parsing, the document's compiled validator) against a
 * raw Ajv2020 validator compiled from the same converted schema with Ajv's default options,
 * fed by JSON.parse. Both start from the same response bytes of the reference server.
 */
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { request } from 'undici';
import { PACKAGE_ROOT } from '../src/core/package-root.js';
import type { HttpResponse } from '../src/http/types.js';
import { loadOpenApiDocument, type OpenApiDocument } from '../src/openapi/document.js';
import { addOpenApiFormats } from '../src/openapi/formats.js';
import { DOCUMENT_ID } from '../src/openapi/schemas.js';
import { buildRequest } from '../src/openapi/request.js';
import { checkBody } from '../src/openapi/response-body.js';
import { documentedResponse } from '../src/openapi/response-status.js';
import { measured, median, round, type Measurement } from './measurement.js';
import type { ReferenceServer } from './processes.js';

const SPEC = join(PACKAGE_ROOT, 'fixtures', 'pegel-online', 'openapi.yaml');
/** A station (a few KB), all stations (about 100 KB), a month of measurements (about 160 KB). */
const OPERATIONS = ['getStationsById', 'getStations', 'getMeasurementByStation'];
const ROUNDS = 11;
const ROUND_MS = 150;

/**
 * Calls per second of `call`, over at least `ROUND_MS` of this process's CPU time: time the
 * machine gives to other processes is not counted against either side.
 */
function callsPerSecond(call: () => void): number {
  let calls = 0;
  const started = process.cpuUsage();
  let elapsedMs = 0;
  while (elapsedMs < ROUND_MS) {
    for (let batch = 0; batch < 10; batch += 1) call();
    calls += 10;
    const { user, system } = process.cpuUsage(started);
    elapsedMs = (user + system) / 1000;
  }
  return (calls * 1000) / elapsedMs;
}

/** Rates of two calls in paired rounds (alternating which goes first), after a warm-up round each; medians. */
function compare(konform: () => void, raw: () => void): { konform: number; raw: number; ratio: number } {
  callsPerSecond(konform);
  callsPerSecond(raw);
  const rounds: Array<{ konform: number; raw: number }> = [];
  for (let index = 0; index < ROUNDS; index += 1) {
    if (index % 2 === 0) {
      const konformRate = callsPerSecond(konform);
      rounds.push({ konform: konformRate, raw: callsPerSecond(raw) });
    } else {
      const rawRate = callsPerSecond(raw);
      rounds.push({ konform: callsPerSecond(konform), raw: rawRate });
    }
  }
  return {
    konform: round(median(rounds.map((pair) => pair.konform)), 0),
    raw: round(median(rounds.map((pair) => pair.raw)), 0),
    ratio: round(median(rounds.map((pair) => pair.konform / pair.raw)), 3),
  };
}

async function fetchAnswer(document: OpenApiDocument, operationId: string, baseUrl: string) {
  const operation = document.operations.find((candidate) => candidate.key === operationId);
  if (!operation) throw new Error(`the document has no operation ${operationId}`);
  const sent = buildRequest(baseUrl, document.data, operation);
  const answer = await request(sent.url, { method: sent.method, headers: sent.headers ?? {} });
  const body = Buffer.from(await answer.body.arrayBuffer());
  const response: HttpResponse = {
    status: answer.statusCode,
    headers: answer.headers as HttpResponse['headers'],
    body,
    url: sent.url,
    exchangeId: 'x1',
    durationMs: 0,
  };
  const documented = documentedResponse(operation, response.status);
  const schemaPointer = documented?.content.find((media) => media.schemaPointer)?.schemaPointer;
  if (!documented || !schemaPointer) throw new Error(`${operationId} answered ${response.status}, which has no documented schema`);
  return { operation, response, documented, schemaPointer };
}

export async function validationThroughput(server: ReferenceServer): Promise<Measurement> {
  const base = {
    id: 'validation-vs-ajv',
    title: 'Response validation in konform vs raw compiled Ajv (validations per second)',
    target: { ratio: 0.8, meaning: 'konform validations/s ÷ raw Ajv validations/s, the lowest over the bodies' },
  };
  const document = await loadOpenApiDocument(SPEC);
  document.schemas.compileAll();
  const raw = new Ajv2020({ strict: false });
  addOpenApiFormats(raw);
  raw.addSchema(document.schemas.resource, DOCUMENT_ID);
  const bodies = [];
  for (const operationId of OPERATIONS) {
    const { operation, response, documented, schemaPointer } = await fetchAnswer(document, operationId, server.url);
    const rawValidate = raw.compile(document.schemas.schemaAt(schemaPointer) as object) as ValidateFunction;
    const konformValidate = document.schemas.validator(schemaPointer);
    const parsed: unknown = JSON.parse(response.body.toString('utf8'));
    const outcome = checkBody(document, operation, response, documented);
    if (!outcome.applicable || outcome.findings.length > 0 || !rawValidate(parsed)) {
      throw new Error(`the ${operationId} body is not valid for both validators; nothing comparable to measure`);
    }
    const fullPath = compare(
      () => checkBody(document, operation, response, documented),
      () => rawValidate(JSON.parse(response.body.toString('utf8'))),
    );
    const validatorOnly = compare(
      () => konformValidate(parsed),
      () => rawValidate(parsed),
    );
    bodies.push({ operationId, url: response.url.replace(server.url, ''), bytes: response.body.length, fromBytes: fullPath, parsedValueOnly: validatorOnly });
  }
  const slowest = bodies.reduce((worst, body) => (body.fromBytes.ratio < worst.fromBytes.ratio ? body : worst));
  const headline = {
    konform: `${slowest.fromBytes.konform}/s (${round(slowest.bytes / 1024, 0)} KB)`,
    baseline: `Ajv ${slowest.fromBytes.raw}/s`,
  };
  return measured(base, slowest.fromBytes.ratio, headline, { rounds: ROUNDS, roundMs: ROUND_MS, bodies }, [
    'fromBytes: konform checkBody (media type, strict UTF-8, JSON parse with error location, validator with allErrors) vs raw JSON.parse + Ajv2020 validator (default options); the ratio holds to the target.',
    'parsedValueOnly: the compiled validators alone on the already parsed body (konform allErrors: true, raw Ajv defaults); for reading only.',
    'Both validators know the same formats (ajv-formats plus the OpenAPI formats konform adds).',
  ]);
}
