import type { Logger } from '@services/app/host';

/**
 * Holds the first quit until the services have stopped (sync jobs finish their batch,
 * the database closes), then quits for real. Later quit attempts while stopping are
 * swallowed, and a stop that hangs is given up on so the app can still exit.
 */
export interface QuitGateDeps {
  stop(): Promise<void>;
  quit(): void;
  readonly log: Logger;
  readonly timeoutMs?: number;
}

export interface QuitGate {
  /** True when the quit may go ahead now; false means call `event.preventDefault()`. */
  beforeQuit(): boolean;
}

export const STOP_TIMEOUT_MS = 10_000;

export function createQuitGate(deps: QuitGateDeps): QuitGate {
  let state: 'running' | 'stopping' | 'stopped' = 'running';

  const stopThenQuit = async () => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), deps.timeoutMs ?? STOP_TIMEOUT_MS);
    });
    try {
      const outcome = await Promise.race([deps.stop().then(() => 'stopped' as const), timeout]);
      if (outcome === 'timeout') deps.log.warn('Services did not stop in time; quitting anyway');
    } catch (error) {
      deps.log.error('Stopping services failed', { error: error instanceof Error ? error.message : String(error) });
    } finally {
      clearTimeout(timer);
      state = 'stopped';
      deps.quit();
    }
  };

  return {
    beforeQuit() {
      if (state === 'stopped') return true;
      if (state === 'running') {
        state = 'stopping';
        void stopThenQuit();
      }
      return false;
    },
  };
}
