import { dialog, shell, type BrowserWindow } from 'electron';
import type { HostBridge, Logger } from '@services/app/host';
import { OPEN_BUTTON, createOpenExternal } from './open-external';

/** The desktop host: links go to the user's browser after a confirm dialog over the main window. */
export function createDesktopHost(getWindow: () => BrowserWindow | null, log: Logger): HostBridge {
  const openExternal = createOpenExternal({
    confirm: async (prompt) => {
      const window = getWindow();
      const { response } = window && !window.isDestroyed() ? await dialog.showMessageBox(window, prompt) : await dialog.showMessageBox(prompt);
      return response === OPEN_BUTTON;
    },
    open: (url) => shell.openExternal(url),
    log,
  });
  return { kind: 'desktop', openExternal };
}
