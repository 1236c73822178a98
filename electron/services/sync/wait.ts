/** Waits `ms`, or less if `signal` aborts first. Resolves either way; callers check the signal. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted || ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Lets the event loop serve other work (IPC, the UI's queries) between heavy steps. */
export const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Longest single timer; also a safety net should a wake-up be missed. */
const MAX_SLEEP_MS = 60_000;

/**
 * A sleep that can be cut short. A `wake()` that comes while nobody waits is kept,
 * so the next `wait` returns at once: a commit between two passes is never lost.
 */
export class Waker {
  private pending = false;
  private release: (() => void) | null = null;

  wait(ms: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.wake(), Math.max(0, Math.min(ms, MAX_SLEEP_MS)));
      this.release = () => {
        clearTimeout(timer);
        this.release = null;
        resolve();
      };
    });
  }

  wake(): void {
    if (this.release) this.release();
    else this.pending = true;
  }
}
