/**
 * SIGINT and SIGTERM: the first stops a run gracefully (it still writes its report, which says
 * `complete: false`); a second ends the process at once, leaving the journal — unless the
 * reports are being written, which takes a moment and is let finish, so that the folder holds
 * every format and no temporary file; a third ends the process even then, without temporaries.
 */
import { removeTemporaries, writingReports } from '../report/write-reports.js';

export function stopOnSignals(controller: AbortController, stderr: NodeJS.WritableStream): void {
  let lettingReportsFinish = false;
  const handler = (signal: NodeJS.Signals) => {
    if (!controller.signal.aborted) return controller.abort(signal);
    if (writingReports() && !lettingReportsFinish) {
      lettingReportsFinish = true;
      stderr.write('konform: finishing the reports (once more to stop at once)\n');
      return;
    }
    removeTemporaries();
    process.exit(3);
  };
  process.on('SIGINT', handler).on('SIGTERM', handler);
}
