/** A counting semaphore with a FIFO queue: at most `limit` requests in flight over all hosts. */
export interface Semaphore {
  /** A release function if a place is free now, without waiting; undefined otherwise. */
  tryAcquire(): (() => void) | undefined;
  /** Resolves with a release function once a place is free; rejects when the signal aborts. */
  acquire(signal?: AbortSignal): Promise<() => void>;
}

export function createSemaphore(limit: number): Semaphore {
  const capacity = Math.max(1, Math.floor(limit));
  let inUse = 0;
  const waiting: Array<() => void> = [];

  const release = (): void => {
    const next = waiting.shift();
    if (next) next();
    else inUse -= 1;
  };

  const releaseOnce = (): (() => void) => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      release();
    };
  };

  // A place is free only while nobody waits: waiting starts when all are taken.
  const tryAcquire = (): (() => void) | undefined => {
    if (inUse >= capacity) return undefined;
    inUse += 1;
    return releaseOnce();
  };

  return {
    tryAcquire,
    acquire(signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      const free = tryAcquire();
      if (free) return Promise.resolve(free);
      return new Promise((resolve, reject) => {
        const grant = (): void => {
          signal?.removeEventListener('abort', onAbort);
          resolve(releaseOnce());
        };
        const onAbort = (): void => {
          waiting.splice(waiting.indexOf(grant), 1);
          reject(signal?.reason);
        };
        waiting.push(grant);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
  };
}
