/**
 * A worker thread of the XSD benchmark: for each job (a list of files) it compiles the schema
 * once, as a konform run does, validates every file, and answers how many were valid.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PinnedStandard } from '../src/xml/xsd-inputs.js';
import { validJob } from './xsd-rounds.js';

export interface XsdJob {
  files: string[];
}

export interface XsdJobResult {
  valid: number;
}

const { standard, schema } = workerData as { standard: PinnedStandard; schema: string };
const port = parentPort;
if (!port) throw new Error('bench/xsd-worker.js runs as a worker thread');

port.on('message', ({ files }: XsdJob) => port.postMessage({ valid: validJob(standard, schema, files) } satisfies XsdJobResult));
port.postMessage('ready');
