/**
 * Long synchronous work (loading a document of ten thousand operations, say) gives the event
 * loop its turn between slices, so that timers, I/O and signals (Ctrl-C) are heard while it
 * goes on, and it stops once the run is aborted.
 */

/** Resolves on the next turn of the event loop; rejects with the signal's reason once it is aborted. */
export function nextTurn(signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) =>
    setImmediate(() => {
      if (signal?.aborted) reject(signal.reason);
      else resolve();
    }),
  );
}

/** Items handled between two turns of the event loop. */
const SLICE = 256;

/** Calls `each` on every item, with a turn of the event loop after every SLICE of them; rejects once `signal` is aborted. */
export async function forEachInSlices<T>(items: Iterable<T>, signal: AbortSignal | undefined, each: (item: T) => void): Promise<void> {
  signal?.throwIfAborted();
  let handled = 0;
  for (const item of items) {
    each(item);
    handled += 1;
    if (handled % SLICE === 0) await nextTurn(signal);
  }
}
