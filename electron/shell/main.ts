import { join } from 'node:path';
import type { BrowserWindow} from 'electron';
import { app, dialog, protocol, session } from 'electron';
import { createConsoleLogger } from '@services/app/logger';
import type { Services } from '@services/app/host';
import { startServices } from '@services/app/start-services';
import { resolveAppOrigin } from './app-origin';
import { APP_SCHEME_PRIVILEGES } from './app-protocol';
import { createDesktopHost } from './host-bridge';
import { connectWindowToServices } from './ipc';
import { installMenu } from './menu';
import { guardNavigation } from './navigation';
import { createQuitGate, type QuitGate } from './quit-gate';
import { hardenSession } from './session';
import { openSettingsFile } from './settings-backend';
import { startupFailureDialog } from './startup-failure';
import { createMainWindow } from './window';

/**
 * The Electron entry point (out/main/index.js). Only wiring lives here; the decisions are
 * pure functions in this folder. Order matters: sandbox and scheme before ready, guards
 * before any web contents exist, services before the window, the quit gate as soon as
 * services run.
 */
const log = createConsoleLogger('shell');
const isDev = !app.isPackaged;
const preloadPath = join(import.meta.dirname, '../preload/index.cjs');
const rendererDir = join(import.meta.dirname, '../renderer');

let mainWindow: BrowserWindow | null = null;
let quitGate: QuitGate | null = null;

app.enableSandbox();
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

if (!app.requestSingleInstanceLock()) {
  // Another Modboard owns the data folder; it brings itself forward on `second-instance`.
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    if (quitGate && !quitGate.beforeQuit()) event.preventDefault();
  });
  app
    .whenReady()
    .then(start)
    .catch(async (error: unknown) => {
      // Nothing is retried or repaired: the user reads why, and the data stays as it was.
      log.error('Modboard could not start', { error: error instanceof Error ? error.message : String(error) });
      await dialog.showMessageBox(startupFailureDialog(error, app.getPath('userData')));
      app.quit();
    });
}

async function start(): Promise<void> {
  const dataDir = app.getPath('userData');
  const { appOrigin, refusedDevServer } = resolveAppOrigin({ devServerUrl: process.env.ELECTRON_RENDERER_URL, isPackaged: app.isPackaged });
  if (refusedDevServer) log.warn('Dev server URL ignored', { reason: refusedDevServer });

  const host = createDesktopHost(() => mainWindow, log);
  // The session is hardened before the services start; images asked for before then are refused.
  let services: Services | null = null;
  hardenSession(session.defaultSession, {
    appOrigin,
    rendererDir,
    log,
    readMedia: async (id) => (services ? services.readMedia(id) : { kind: 'refused', status: 502, message: 'Still starting.' }),
  });
  app.on('web-contents-created', (_event, contents) => guardNavigation(contents, { appOrigin, openExternal: host.openExternal, log }));
  installMenu(isDev);

  const settingsFile = openSettingsFile(dataDir, log);
  const started = await startServices({ dataDir, settings: settingsFile.backend, host, log, appVersion: app.getVersion() });
  services = started;
  quitGate = createQuitGate({ stop: () => started.stop(), quit: () => app.quit(), log });

  const window = createMainWindow({
    preloadPath,
    devTools: isDev,
    savedBounds: settingsFile.readWindowBounds(),
    saveBounds: (bounds) => settingsFile.writeWindowBounds(bounds),
    log,
  });
  mainWindow = window;
  window.once('closed', () => (mainWindow = null));
  connectWindowToServices(window, { services: started, appOrigin, log });
  await window.loadURL(appOrigin.entryUrl);
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}
