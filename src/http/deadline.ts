/**
 * A hard deadline for one request, headers and body together, combined with the run's abort
 * signal. konform enforces it itself because undici's own timeouts measure idle time and can
 * fire much later than the deadline.
 *
 * Deadlines of one duration expire in the order they started, so they wait in one queue per
 * duration behind one Node timer, set for the first deadline still running: starting and
 * ending a deadline costs a queue entry, not a timer of its own. No timer is left once none runs.
 */

export type Expiry = 'timeout' | 'aborted';

export class Deadline {
  /** Why the deadline ended the request, if it did. */
  expired: Expiry | undefined;
  /** The error the request is aborted with. */
  reason: unknown;
  /** False once disposed. */
  running = true;
  private listener: ((reason: unknown) => void) | undefined;
  private unwatch: (() => void) | undefined;

  constructor(
    readonly due: number,
    private readonly queue: DeadlineQueue,
  ) {}

  /** Calls `listener` when the deadline expires (the only listener; none once disposed). */
  onExpire(listener: (reason: unknown) => void): void {
    this.listener = listener;
  }

  /** Ends the request with `reason`: its time is up, or the run was aborted. */
  expire(expiry: Expiry, reason: unknown): void {
    if (this.expired || !this.running) return;
    this.expired = expiry;
    this.reason = reason;
    this.listener?.(reason);
  }

  /** Expires the deadline when `run` aborts. */
  watch(run: AbortSignal): void {
    if (run.aborted) this.expire('aborted', run.reason);
    else this.unwatch = watchRun(run, () => this.expire('aborted', run.reason));
  }

  dispose(): void {
    if (!this.running) return;
    this.running = false;
    this.listener = undefined;
    this.unwatch?.();
    this.unwatch = undefined;
    this.queue.ended();
  }
}

class DeadlineQueue {
  private entries: Deadline[] = [];
  private first = 0;
  private running = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly timeoutMs: number) {}

  start(): Deadline {
    const deadline = new Deadline(performance.now() + this.timeoutMs, this);
    this.entries.push(deadline);
    this.running += 1;
    this.timer ??= setTimeout(this.fire, this.timeoutMs);
    return deadline;
  }

  /** A deadline was disposed: the ended ones at the front leave the queue. */
  ended(): void {
    this.running -= 1;
    if (this.running === 0) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.entries = [];
      this.first = 0;
      return;
    }
    while (this.entries[this.first]?.running === false) this.first += 1;
    if (this.first > 1024 && this.first * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.first);
      this.first = 0;
    }
  }

  private readonly fire = (): void => {
    this.timer = undefined;
    const now = performance.now();
    for (let next = this.entries[this.first]; next && (!next.running || next.due <= now); next = this.entries[this.first]) {
      this.first += 1;
      next.expire('timeout', new DOMException(`no complete response within ${this.timeoutMs} ms`, 'TimeoutError'));
    }
    const waiting = this.entries[this.first];
    if (waiting) this.timer = setTimeout(this.fire, Math.max(1, waiting.due - now));
  };
}

const queues = new Map<number, DeadlineQueue>();

/**
 * The deadlines waiting on each run signal, behind one listener per signal: adding and
 * removing a listener of an AbortSignal for every request costs more than the request.
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

/** A deadline `timeoutMs` from now, expired early when `run` aborts. Dispose it when the request ends. */
export function startDeadline(timeoutMs: number, run?: AbortSignal): Deadline {
  let queue = queues.get(timeoutMs);
  if (!queue) queues.set(timeoutMs, (queue = new DeadlineQueue(timeoutMs)));
  const deadline = queue.start();
  if (run) deadline.watch(run);
  return deadline;
}
