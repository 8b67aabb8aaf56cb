/**
 * konform's side of the one-thread XSD benchmark in a process of its own, as xmllint's side
 * is: for each job (a list of files, sent over IPC) it compiles the schema once, validates
 * every file on its main thread and answers with the CPU time of that job. A fresh process
 * holds nothing of the benchmarks that ran before it in the bench's own process.
 */
import type { PinnedStandard } from '../src/xml/xsd-inputs.js';
import { konformRound, type Round } from './xsd-rounds.js';

export interface XsdProcessJob {
  standard: PinnedStandard;
  schema: string;
  files: string[];
}

const send = process.send?.bind(process);
if (!send) throw new Error('bench/xsd-process.js runs as a child process with an IPC channel');

process.on('message', ({ standard, schema, files }: XsdProcessJob) => void konformRound(standard, schema, files).then((round: Round) => send(round)));
send('ready');
