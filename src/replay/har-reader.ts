/**
 * Reads a recording: a HAR 1.2 file, checked against har.schema.json and, where konform wrote
 * it, its custom fields against konform-har.schema.json (the spec's custom fields are read
 * only from files of the tool that wrote them). What is wrong is named with where: the line and
 * column of a JSON syntax error, the JSON pointer of a field. Entries come sorted by their
 * start, as the spec asks a reader to make sure.
 */
import { readFile } from 'node:fs/promises';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import { ERROR_CODES, KonformError } from '../model/errors.js';
import { parseJson } from '../openapi/json-syntax.js';
import { CREATOR_NAME, type Har, type HarEntry } from './har.js';
import harSchema from './har.schema.json' with { type: 'json' };
import konformSchema from './konform-har.schema.json' with { type: 'json' };
import type { RecordedRun } from './recorded-run.js';

export interface Recording {
  path: string;
  /** How the run was made; known of the recordings konform wrote. */
  run?: RecordedRun;
  /** Whether konform wrote it: then its entries' `_konform` fields are read. */
  byKonform: boolean;
  entries: HarEntry[];
}

let validators: { har: ValidateFunction; konform: ValidateFunction } | undefined;

function compiled(): { har: ValidateFunction; konform: ValidateFunction } {
  if (!validators) {
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    addFormatsPlugin.default(ajv);
    validators = { har: ajv.compile(harSchema), konform: ajv.compile(konformSchema) };
  }
  return validators;
}

/** Keywords whose errors only sum up those of their branches. */
const SUMMING_UP = new Set(['oneOf', 'anyOf']);

/** "/log/entries/3/response/status: must be integer", errors of single fields before those that sum up. */
function problems(errors: readonly ErrorObject[]): { pointer: string; lines: string[] } {
  const specific = [...errors.filter((error) => !SUMMING_UP.has(error.keyword)), ...errors.filter((error) => SUMMING_UP.has(error.keyword))];
  const lines = specific.slice(0, 10).map((error) => {
    const params = error.params as Record<string, unknown>;
    const detail =
      error.keyword === 'additionalProperties' ? ` (${String(params['additionalProperty'])})`
      : error.keyword === 'enum' ? ` (${(params['allowedValues'] as unknown[]).join(', ')})`
      : '';
    return `${error.instancePath === '' ? '/' : error.instancePath}: ${error.message ?? error.keyword}${detail}`;
  });
  return { pointer: specific[0]?.instancePath ?? '', lines };
}

function check(validate: ValidateFunction, data: unknown, path: string, what: string): void {
  if (validate(data)) return;
  const { pointer, lines } = problems(validate.errors ?? []);
  throw new KonformError(ERROR_CODES.RECORDING_INVALID, `${what}:\n  ${lines.join('\n  ')}`, { file: path, pointer });
}

export async function readRecording(path: string): Promise<Recording> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new KonformError(ERROR_CODES.USAGE, `cannot read the recording ${path}: ${message}`, { file: path }, { cause: error });
  }
  const parsed = parseJson(text);
  if (!parsed.ok) {
    throw new KonformError(ERROR_CODES.RECORDING_INVALID, `the recording is not JSON: ${parsed.message}`, { file: path, line: parsed.line, column: parsed.column });
  }
  const { har, konform } = compiled();
  check(har, parsed.value, path, 'the recording is no HAR 1.2 log');
  const { log } = parsed.value as Har;
  // HAR versioning: a 1.x log reads as 1.2 (unknown fields of a later minor version are ignored).
  if (!/^1\.\d+$/.test(log.version)) {
    throw new KonformError(ERROR_CODES.RECORDING_INVALID, `the recording is HAR version "${log.version}", not 1.x`, { file: path, pointer: '/log/version' });
  }
  const byKonform = log.creator.name === CREATOR_NAME;
  if (byKonform) check(konform, parsed.value, path, 'the recording lacks what konform writes of a run');
  // A stable sort: entries that started in the same millisecond keep their order in the file.
  const entries = log.entries
    .map((entry, index) => ({ entry, index, at: Date.parse(entry.startedDateTime) }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map(({ entry }) => entry);
  return { path, ...(byKonform && log._konform ? { run: log._konform.run } : {}), byKonform, entries };
}
