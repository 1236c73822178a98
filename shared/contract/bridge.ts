import type { ModboardApi } from './index';

/** The `window` property under which the Electron preload exposes the API. */
export const DESKTOP_BRIDGE_KEY = 'modboard';

/**
 * What the preload puts on `window.modboard`: the contract API and nothing else
 * (no ipcRenderer, no generic send). The renderer declares the global itself:
 * `declare global { interface Window { readonly modboard?: DesktopBridge } }`.
 */
export interface DesktopBridge extends ModboardApi {
  readonly host: 'desktop';
}
