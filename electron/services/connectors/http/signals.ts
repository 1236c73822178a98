import type { CancelSignal } from '@shared/connectors';

export interface CallSignal {
  readonly signal: AbortSignal;
  /** True when our own timeout ended the call (rather than the caller). */
  timedOut(): boolean;
  readonly callerSignal: CancelSignal | undefined;
}

/**
 * One signal for fetch that fires on the caller's cancel or on our timeout, and
 * remembers which, because the two mean different things: a timeout is a transient
 * platform failure, a cancel is the engine stopping and must not look like one.
 */
export function callSignal(caller: CancelSignal | undefined, timeoutMs: number): CallSignal {
  const timeout = AbortSignal.timeout(timeoutMs);
  const signals = [timeout];
  if (caller) signals.push(toAbortSignal(caller));
  return { signal: AbortSignal.any(signals), timedOut: () => timeout.aborted && !caller?.aborted, callerSignal: caller };
}

/** The contract types the signal structurally (shared/ has no DOM types); the engine passes a real one. */
function toAbortSignal(signal: CancelSignal): AbortSignal {
  if (signal instanceof AbortSignal) return signal;
  const controller = new AbortController();
  if (signal.aborted) controller.abort(signal.reason);
  else signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
  return controller.signal;
}
