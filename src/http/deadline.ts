/**
 * A hard deadline for one request, headers and body together, combined with the run's abort
 * signal. konform enforces it itself because undici's own timeouts measure idle time and can
 * fire much later than the deadline. One timer per request; the signal handed to undici is
 * an EventEmitter (which undici accepts in place of an AbortSignal), far cheaper to create.
 */
import { EventEmitter } from 'node:events';

/** The `signal` undici aborts a request on: `aborted`, `reason` and an 'abort' event. */
export class DeadlineSignal extends EventEmitter {
  aborted = false;
  reason: unknown = undefined;

  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.emit('abort');
  }
}

export interface Deadline {
  /** Aborts when the deadline passes or the run is aborted. */
  signal: DeadlineSignal;
  /** Why the signal aborted, if it did. */
  readonly expired: 'timeout' | 'aborted' | undefined;
  dispose(): void;
}

/**
 * The deadlines waiting on each run signal, behind one listener per signal: adding and
 * removing a listener of an AbortSignal for every request costs more than the request's timer.
 */
const waitingOn = new WeakMap<AbortSignal, Set<() => void>>();

/** Calls `onAbort` when the run aborts; returns the function that stops watching. */
function watchRun(run: AbortSignal, onAbort: () => void): () => void {
  let waiting = waitingOn.get(run);
  if (!waiting) {
    const created = new Set<() => void>();
    run.addEventListener('abort', () => created.forEach((abort) => abort()), { once: true });
    waitingOn.set(run, created);
    waiting = created;
  }
  waiting.add(onAbort);
  return () => waiting.delete(onAbort);
}

export function startDeadline(timeoutMs: number, run?: AbortSignal): Deadline {
  const signal = new DeadlineSignal();
  let expired: Deadline['expired'];
  const onRunAbort = (): void => {
    expired ??= 'aborted';
    signal.abort(run?.reason);
  };
  const timer = setTimeout(() => {
    expired ??= 'timeout';
    signal.abort(new DOMException(`no complete response within ${timeoutMs} ms`, 'TimeoutError'));
  }, timeoutMs);
  let unwatch: (() => void) | undefined;
  if (run?.aborted) onRunAbort();
  else if (run) unwatch = watchRun(run, onRunAbort);
  return {
    signal,
    get expired() {
      return expired;
    },
    dispose() {
      clearTimeout(timer);
      unwatch?.();
    },
  };
}
