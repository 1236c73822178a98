import type { BrowserWindowConstructorOptions } from 'electron';
import { MIN_WINDOW_SIZE, type WindowPlacement } from './window-bounds';

/**
 * The main window. The renderer is treated as untrusted web content: isolated from the
 * preload, sandboxed, no Node anywhere, no webviews, and no way to lower web security.
 * The page reaches main only through the preload's contract bridge.
 */
export interface WindowOptionsInput {
  readonly preloadPath: string;
  readonly placement: WindowPlacement;
  readonly darkBackground: boolean;
  /** DevTools only in unpackaged builds. */
  readonly devTools: boolean;
}

/** Keep equal to the renderer's page background (dark and light themes) so the first paint does not flash. */
export const BACKGROUND_COLORS = { dark: '#15181c', light: '#ffffff' } as const;

export function buildWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  const { placement } = input;
  const position =
    placement.kind === 'restored' ? { ...placement.bounds } : { width: placement.size.width, height: placement.size.height, center: true };
  return {
    ...position,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Modboard',
    // Shown on ready-to-show, so the user never sees an empty frame.
    show: false,
    backgroundColor: input.darkBackground ? BACKGROUND_COLORS.dark : BACKGROUND_COLORS.light,
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      enableWebSQL: false,
      navigateOnDragDrop: false,
      // A middle click opens no window of its own (window.open is denied as well).
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      // A looping alert() cannot lock the user out of the window.
      safeDialogs: true,
      devTools: input.devTools,
    },
  };
}
