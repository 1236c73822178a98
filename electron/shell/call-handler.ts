import type { Logger, Services } from '@services/app/host';
import { err, type Result } from '@shared/result';
import type { AppOrigin } from './app-origin';
import { isTrustedSender, senderOriginForLog, type SenderInfo } from './sender';

/**
 * The body of the one `ipcMain.handle`: sender first, then the services' dispatch, which
 * validates the name and payload against the contract. Always resolves to a Result, so
 * nothing internal leaks through Electron's error text.
 */
export interface CallHandlerDeps {
  readonly dispatch: Services['dispatch'];
  readonly appOrigin: AppOrigin;
  readonly mainWindowWebContentsId: () => number | null;
  readonly log: Logger;
}

export type CallHandler = (sender: SenderInfo, name: unknown, payload: unknown) => Promise<Result<unknown>>;

export function createCallHandler(deps: CallHandlerDeps): CallHandler {
  return async (sender, name, payload) => {
    const verdict = isTrustedSender(sender, { appOrigin: deps.appOrigin, mainWindowWebContentsId: deps.mainWindowWebContentsId() });
    if (!verdict.trusted) {
      deps.log.warn('IPC call refused', {
        reason: verdict.reason,
        origin: senderOriginForLog(sender),
        name: typeof name === 'string' ? name.slice(0, 100) : typeof name,
      });
      return err('forbidden', 'This frame may not use the Modboard API.');
    }
    try {
      return await deps.dispatch(name, payload);
    } catch (error) {
      deps.log.error('dispatch threw', { name: String(name), error: error instanceof Error ? error.message : String(error) });
      return err('internal', 'Something went wrong in Modboard. The details are in the log.');
    }
  };
}
