import type { ModboardApi } from '@shared/contract';
import type { DesktopBridge } from '@shared/contract/bridge';
import { createWebSocketApi } from './ws-transport';

export type LinkState = 'connecting' | 'open' | 'closed';

export interface ApiConnection {
  readonly api: ModboardApi;
  readonly host: 'desktop' | 'browser';
  getState(): LinkState;
  onStateChange(listener: (state: LinkState) => void): () => void;
}

declare global {
  interface Window {
    /** Present only inside the Electron window, exposed by the preload. */
    readonly modboard?: DesktopBridge;
  }
}

/**
 * The one place that picks a transport: the preload's bridge inside Electron, or the
 * WebSocket of browser mode (the page's own origin; the launch token rides in a cookie).
 */
export function connectApi(): ApiConnection {
  const bridge = window.modboard;
  if (bridge) {
    return { api: bridge, host: 'desktop', getState: () => 'open', onStateChange: () => () => undefined };
  }
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const socket = createWebSocketApi(`${scheme}//${location.host}/ws`);
  return {
    api: socket,
    host: 'browser',
    getState: () => socket.getState(),
    onStateChange: (listener) => socket.onStateChange(listener),
  };
}
