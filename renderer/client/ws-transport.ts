import type { CallInput, CallName, CallOutput, EventName, EventPayload, ModboardApi } from '@shared/contract';
import type { Result } from '@shared/result';

/**
 * The renderer's side of browser mode: the contract over one WebSocket to the server
 * that served this page (`npm run serve`). The session cookie set by that server carries
 * the token, so nothing secret lives in this code. When the socket drops, calls waiting
 * for a reply fail at once with `unavailable`, and the socket comes back on its own with
 * capped exponential backoff; the UI follows along through the connection state.
 *
 * Wire format (text frames, JSON): we send `{ id, name, payload }`; the server answers
 * `{ id, result }` and pushes `{ event, payload }`.
 */
export type ConnectionState = 'connecting' | 'open' | 'closed';

export interface WebSocketApi extends ModboardApi {
  getState(): ConnectionState;
  onStateChange(listener: (state: ConnectionState) => void): () => void;
  /** Stops reconnecting, closes the socket and fails anything still waiting. */
  close(): void;
}

export interface WebSocketApiOptions {
  /** Another WebSocket implementation, for tests that run outside a browser. */
  readonly WebSocket?: typeof WebSocket;
  readonly initialRetryMs?: number;
  readonly maxRetryMs?: number;
}

interface PendingCall {
  readonly frame: string;
  sent: boolean;
  readonly resolve: (result: Result<unknown>) => void;
}

const CONNECTION_LOST: Result<never> = {
  ok: false,
  error: { code: 'unavailable', message: 'Connection to Modboard was lost. It will reconnect on its own; try again in a moment.' },
};

/** The socket lives next to the page: same host and port, `/ws`, `wss:` if the page came over https. */
export function webSocketUrl(page: Pick<Location, 'protocol' | 'host'> = location): string {
  return `${page.protocol === 'https:' ? 'wss:' : 'ws:'}//${page.host}/ws`;
}

export function createWebSocketApi(url: string = webSocketUrl(), options: WebSocketApiOptions = {}): WebSocketApi {
  const Socket = options.WebSocket ?? WebSocket;
  const initialRetryMs = options.initialRetryMs ?? 250;
  const maxRetryMs = options.maxRetryMs ?? 10_000;

  const pending = new Map<number, PendingCall>();
  const eventListeners = new Map<string, Set<(payload: unknown) => void>>();
  const stateListeners = new Set<(state: ConnectionState) => void>();
  let state: ConnectionState = 'connecting';
  let socket: WebSocket | null = null;
  let nextId = 1;
  let failedAttempts = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;

  const setState = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    for (const listener of stateListeners) notify(listener, next);
  };

  const failPending = () => {
    for (const call of pending.values()) call.resolve(CONNECTION_LOST);
    pending.clear();
  };

  const receive = (text: string) => {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    if (typeof message !== 'object' || message === null) return;
    const { id, event, payload, result } = message as Record<string, unknown>;
    if (typeof event === 'string') {
      for (const listener of eventListeners.get(event) ?? []) notify(listener, payload);
      return;
    }
    // `id: null` answers a frame the server could not read; ours are always well-formed, so it has no one to go to.
    const call = typeof id === 'number' ? pending.get(id) : undefined;
    if (call && isResult(result)) {
      pending.delete(id as number);
      call.resolve(result);
    }
  };

  const scheduleReconnect = () => {
    // Equal jitter: half the capped delay is fixed, half random, so many tabs do not retry in lockstep.
    const capped = Math.min(maxRetryMs, initialRetryMs * 2 ** failedAttempts);
    failedAttempts += 1;
    retryTimer = setTimeout(connect, capped / 2 + Math.random() * (capped / 2));
  };

  function connect() {
    setState('connecting');
    const ws = new Socket(url);
    socket = ws;
    ws.onopen = () => {
      failedAttempts = 0;
      setState('open');
      for (const call of pending.values()) {
        if (call.sent) continue;
        ws.send(call.frame);
        call.sent = true;
      }
    };
    ws.onmessage = (message: MessageEvent) => {
      if (typeof message.data === 'string') receive(message.data);
    };
    // `error` is always followed by `close`, so `close` alone drives recovery.
    ws.onerror = () => {};
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      failPending();
      setState('closed');
      if (!disposed) scheduleReconnect();
    };
  }

  connect();

  return {
    call<K extends CallName>(name: K, input: CallInput<K>): Promise<Result<CallOutput<K>>> {
      if (disposed) return Promise.resolve(CONNECTION_LOST);
      return new Promise((resolve) => {
        const id = nextId++;
        const frame = JSON.stringify({ id, name, payload: input });
        // Calls made while (re)connecting wait for the socket; if that attempt fails they fail with it.
        const ws = socket;
        const sent = ws !== null && ws.readyState === ws.OPEN;
        if (sent) ws.send(frame);
        pending.set(id, { frame, sent, resolve: resolve as (result: Result<unknown>) => void });
      });
    },
    subscribe<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): () => void {
      const set = eventListeners.get(name) ?? new Set();
      eventListeners.set(name, set);
      const entry = listener as (payload: unknown) => void;
      set.add(entry);
      return () => set.delete(entry);
    },
    getState: () => state,
    onStateChange(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    close() {
      disposed = true;
      clearTimeout(retryTimer);
      const ws = socket;
      socket = null;
      ws?.close(1000);
      failPending();
      setState('closed');
    },
  };
}

function isResult(value: unknown): value is Result<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

/** One listener throwing must not starve the others; its error still surfaces, just later. */
function notify<T>(listener: (value: T) => void, value: T): void {
  try {
    listener(value);
  } catch (error) {
    queueMicrotask(() => {
      throw error;
    });
  }
}
