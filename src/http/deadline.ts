/**
 * A hard deadline for one request, headers and body together, combined with the run's abort
 * signal. konform enforces it itself because undici's own timeouts measure idle time and can
 * fire much later than the deadline.
 */
export interface Deadline {
  /** Aborts when the deadline passes or the run is aborted. */
  signal: AbortSignal;
  /** Why the signal aborted, if it did. */
  readonly expired: 'timeout' | 'aborted' | undefined;
  dispose(): void;
}

export function startDeadline(timeoutMs: number, run?: AbortSignal): Deadline {
  const controller = new AbortController();
  let expired: Deadline['expired'];
  const onRunAbort = (): void => {
    expired ??= 'aborted';
    controller.abort(run?.reason);
  };
  const timer = setTimeout(() => {
    expired ??= 'timeout';
    controller.abort(new DOMException(`no complete response within ${timeoutMs} ms`, 'TimeoutError'));
  }, timeoutMs);
  if (run?.aborted) onRunAbort();
  else run?.addEventListener('abort', onRunAbort, { once: true });
  return {
    signal: controller.signal,
    get expired() {
      return expired;
    },
    dispose() {
      clearTimeout(timer);
      run?.removeEventListener('abort', onRunAbort);
    },
  };
}
