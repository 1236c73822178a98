import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { Logger, Services } from '@services/app/host';
import { CALL_CHANNEL, EVENT_CHANNEL } from '@shared/contract/channels';
import { isAppUrl, type AppOrigin } from './app-origin';
import { createCallHandler } from './call-handler';
import type { SenderInfo } from './sender';

/**
 * Connects the window to the services over the two contract channels for as long as
 * the window lives: calls are answered only for the trusted frame, events are sent only
 * to the main frame and only while it shows the app.
 */
export function connectWindowToServices(window: BrowserWindow, options: { services: Services; appOrigin: AppOrigin; log: Logger }): void {
  const { services, appOrigin, log } = options;
  const contents = window.webContents;
  const webContentsId = contents.id;
  let open = true;

  const handleCall = createCallHandler({
    dispatch: (name, payload) => services.dispatch(name, payload),
    appOrigin,
    mainWindowWebContentsId: () => (open ? webContentsId : null),
    log,
  });
  ipcMain.handle(CALL_CHANNEL, (event, name: unknown, payload: unknown) => handleCall(describeSender(event), name, payload));

  const unsubscribe = services.subscribe((name, payload) => {
    if (!open || contents.isDestroyed() || !isAppUrl(contents.getURL(), appOrigin)) return;
    contents.send(EVENT_CHANNEL, name, payload);
  });

  window.once('closed', () => {
    open = false;
    unsubscribe();
    ipcMain.removeHandler(CALL_CHANNEL);
  });
}

function describeSender(event: IpcMainInvokeEvent): SenderInfo {
  const webContentsId = event.sender.id;
  try {
    const frame = event.senderFrame;
    if (!frame || frame.isDestroyed() || frame.detached) return { senderFrameUrl: null, isMainFrame: false, webContentsId };
    return { senderFrameUrl: frame.url, isMainFrame: frame.parent === null, webContentsId };
  } catch {
    // Reading a disposed frame throws; a frame that is gone is never trusted.
    return { senderFrameUrl: null, isMainFrame: false, webContentsId };
  }
}
