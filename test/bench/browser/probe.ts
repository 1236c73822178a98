/**
 * Installed in the page before any of its scripts (Playwright `addInitScript`), and
 * serialised there, so it must not reference anything outside its own body. It
 * records, on the page's own clock (`performance.now()`):
 * - `firstRowsAt`: the first frame, after paint, showing a loaded first row;
 * - `events[type]`: when the last keydown, click or change happened (`event.timeStamp`);
 * - `calls`: each contract call sent on the WebSocket, and when its answer arrived.
 */
export interface ProbedCall {
  readonly id: number;
  readonly name: string;
  readonly sentAt: number;
  repliedAt: number | null;
}

export interface ProbeState {
  firstRowsAt: number | null;
  events: Record<string, number>;
  calls: ProbedCall[];
}

export interface ProbeConfig {
  /** CSS selector of the first data row. */
  readonly firstRow: string;
}

declare global {
  interface Window {
    __bench?: ProbeState;
  }
}

export function installProbe(config: ProbeConfig): void {
  const state: ProbeState = { firstRowsAt: null, events: {}, calls: [] };
  window.__bench = state;
  const afterPaint = (done: (at: number) => void) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done(performance.now());
    channel.port2.postMessage(0);
  };
  const watch = () => {
    const row = document.querySelector(config.firstRow);
    if (row && row.getAttribute('aria-busy') !== 'true' && (row.textContent ?? '').trim() !== '') afterPaint((at) => (state.firstRowsAt = at));
    else requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
  for (const type of ['keydown', 'click', 'change']) {
    window.addEventListener(type, (event) => (state.events[type] = event.timeStamp), { capture: true });
  }
  const Native = window.WebSocket;
  const open = new Map<number, ProbedCall>();
  class Probed extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener('message', (event: MessageEvent) => {
        const at = performance.now();
        if (typeof event.data !== 'string' || open.size === 0) return;
        const id = (JSON.parse(event.data) as { id?: unknown }).id;
        const call = typeof id === 'number' ? open.get(id) : undefined;
        if (call) {
          call.repliedAt = at;
          open.delete(call.id);
        }
      });
    }
    override send(data: Parameters<WebSocket['send']>[0]): void {
      if (typeof data === 'string') {
        const frame = JSON.parse(data) as { id?: unknown; name?: unknown };
        if (typeof frame.id === 'number' && typeof frame.name === 'string') {
          const call: ProbedCall = { id: frame.id, name: frame.name, sentAt: performance.now(), repliedAt: null };
          open.set(call.id, call);
          state.calls.push(call);
          if (state.calls.length > 500) state.calls.splice(0, 100);
        }
      }
      super.send(data);
    }
  }
  window.WebSocket = Probed;
}
