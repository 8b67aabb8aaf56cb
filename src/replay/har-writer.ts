/**
 * Writes the recording of a run, exchanges.har, as the exchanges complete: the log's opening,
 * then each entry appended with a synchronous write (nothing of a body is kept once written),
 * then the closing brackets. It is written under a temporary name and renamed into place when
 * the run ends, so that a reader never takes a recording cut short for a whole one.
 */
import { appendFileSync, closeSync, openSync, rmSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { TOOL_VERSION } from '../core/package-root.js';
import type { HopRecorder } from '../http/hop-record.js';
import type { Redactor } from '../http/redaction.js';
import { ERROR_CODES, KonformError } from '../model/errors.js';
import { temporaryFileOf } from '../report/output-folder.js';
import { CREATOR_NAME, RECORDING_FILE } from './har.js';
import { harEntryOf } from './har-entry.js';
import type { RecordedRun } from './recorded-run.js';

export interface HarRecording {
  readonly path: string;
  /** Appends the entries of an exchange's hops; after close, they are dropped. */
  record: HopRecorder;
  /** Ends the log and moves it into place. */
  close(): Promise<void>;
  /** Removes what was written: the run ended without a report. */
  discard(): void;
}

function unwritable(path: string, error: unknown): KonformError {
  const message = error instanceof Error ? error.message : String(error);
  return new KonformError(ERROR_CODES.OUTPUT_UNWRITABLE, `cannot write the recording ${path}: ${message}`, { file: path }, { cause: error });
}

/** Opens `exchanges.har` in the output folder (which the run has claimed). */
export function openHarRecording(outDir: string, run: RecordedRun, redactor: Redactor): HarRecording {
  const path = join(outDir, RECORDING_FILE);
  const temporary = temporaryFileOf(path);
  const creator = { name: CREATOR_NAME, version: TOOL_VERSION };
  let fd: number | undefined;
  try {
    fd = openSync(temporary, 'wx');
    appendFileSync(fd, `{"log":{"version":"1.2","creator":${JSON.stringify(creator)},"_konform":${JSON.stringify({ run })},"entries":[`);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temporary, { force: true });
    throw unwritable(path, error);
  }
  let open: number | undefined = fd;
  let separator = '\n';
  // The first write that fails ends the recording; the run learns of it when it closes it.
  let failed: unknown;
  const shut = (): void => {
    if (open !== undefined) closeSync(open);
    open = undefined;
  };
  return {
    path,
    record(exchange, hops) {
      for (const hop of hops) {
        // A request cut short by the end of the run says nothing of the server.
        if (open === undefined || failed !== undefined || hop.failure?.reason === 'aborted') continue;
        try {
          appendFileSync(open, `${separator}${JSON.stringify(harEntryOf(exchange, hop, redactor))}`);
          separator = ',\n';
        } catch (error) {
          failed = error;
        }
      }
    },
    async close() {
      try {
        if (failed !== undefined) throw failed;
        if (open !== undefined) appendFileSync(open, '\n]}}\n');
        shut();
        await rename(temporary, path);
      } catch (error) {
        shut();
        rmSync(temporary, { force: true });
        throw unwritable(path, error);
      }
    },
    discard() {
      shut();
      rmSync(temporary, { force: true });
    },
  };
}
