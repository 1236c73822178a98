import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { Logger, Services } from '@services/app/host';
import { err, type Result } from '@shared/result';
import { eventFrame, parseCallFrame, refusalFrame, replyFrame, type FrameId } from './ws-frames';

/**
 * Carries the contract over WebSocket (`/ws`), the browser-mode twin of Electron IPC.
 * The HTTP server has already checked Host, token and Origin before handing a
 * handshake here. Everything a client sends is untrusted: frames are parsed without
 * throwing, payloads are capped, calls in flight are bounded per socket, and a client
 * that stops reading or stops answering pings is dropped rather than buffered forever.
 */
export interface WebSocketTransportOptions {
  readonly services: Services;
  readonly log: Logger;
  readonly heartbeatMs?: number;
  readonly maxInFlight?: number;
  readonly maxPayloadBytes?: number;
}

export interface WebSocketTransport {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  readonly clientCount: number;
  close(): Promise<void>;
}

interface ClientState {
  alive: boolean;
  inFlight: number;
}

const GOING_AWAY = 1001;
/** A client this far behind on reading is not coming back; dropping it bounds our memory. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;
const SHUTDOWN_GRACE_MS = 1000;

export function createWebSocketTransport(options: WebSocketTransportOptions): WebSocketTransport {
  const { services, log } = options;
  const maxInFlight = options.maxInFlight ?? 64;
  const clients = new Map<WebSocket, ClientState>();
  // Compression stays off: inflating attacker-chosen frames is a memory bomb for no gain on loopback.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxPayloadBytes ?? 1024 * 1024,
    perMessageDeflate: false,
  });

  const send = (client: WebSocket, frame: string) => {
    if (client.readyState !== client.OPEN) return;
    if (client.bufferedAmount > MAX_BUFFERED_BYTES) {
      log.warn('Dropping a WebSocket client that stopped reading');
      client.terminate();
      return;
    }
    client.send(frame);
  };

  /** A reply the services made that JSON cannot carry (a BigInt, a cycle) is a bug, reported as internal. */
  const encodeReply = (id: FrameId, result: Result<unknown>): string => {
    try {
      return replyFrame(id, result);
    } catch {
      log.error('A call result could not be encoded as JSON');
      return replyFrame(id, err('internal', 'The reply could not be encoded.'));
    }
  };

  const onMessage = (client: WebSocket, state: ClientState, data: RawData, isBinary: boolean) => {
    if (isBinary)
      return send(client, refusalFrame({ ok: false, id: null, error: { code: 'invalid-input', message: 'Binary frames are not accepted.' } }));
    const parsed = parseCallFrame(rawText(data));
    if (!parsed.ok) return send(client, refusalFrame(parsed));
    const { id, name, payload } = parsed.frame;
    if (state.inFlight >= maxInFlight)
      return send(client, replyFrame(id, err('unavailable', `Too many calls in flight (limit ${maxInFlight}); wait for replies.`)));
    state.inFlight += 1;
    services
      .dispatch(name, payload)
      .catch((error: unknown) => {
        log.error('dispatch threw, which is a bug', { call: name, error: String(error) });
        return err('internal', 'The call failed unexpectedly.');
      })
      .then((result) => {
        state.inFlight -= 1;
        send(client, encodeReply(id, result));
      });
  };

  const onConnection = (client: WebSocket) => {
    const state: ClientState = { alive: true, inFlight: 0 };
    clients.set(client, state);
    log.info('WebSocket client connected', { clients: clients.size });
    client.on('pong', () => (state.alive = true));
    client.on('message', (data, isBinary) => onMessage(client, state, data, isBinary));
    // Oversized frames, bad UTF-8 and protocol errors land here; ws closes the socket itself.
    // Without a listener, an 'error' event would crash the process.
    client.on('error', (error) => log.warn('WebSocket client error', { error: error.message }));
    client.on('close', () => {
      clients.delete(client);
      log.info('WebSocket client disconnected', { clients: clients.size });
    });
  };

  const unsubscribe = services.subscribe((name, payload) => {
    let frame: string;
    try {
      frame = eventFrame(name, payload);
    } catch {
      log.error('An event payload could not be encoded as JSON', { event: name });
      return;
    }
    for (const client of clients.keys()) send(client, frame);
  });

  const heartbeat = setInterval(() => {
    for (const [client, state] of clients) {
      if (!state.alive) {
        client.terminate();
        continue;
      }
      state.alive = false;
      client.ping();
    }
  }, options.heartbeatMs ?? 30_000);
  heartbeat.unref();

  return {
    handleUpgrade(req, socket, head) {
      wss.handleUpgrade(req, socket, head, onConnection);
    },
    get clientCount() {
      return clients.size;
    },
    async close() {
      clearInterval(heartbeat);
      unsubscribe();
      const closed = new Promise<void>((resolve) => wss.close(() => resolve()));
      for (const client of clients.keys()) client.close(GOING_AWAY, 'Modboard is shutting down');
      // A peer that never answers the close handshake must not hold up shutdown.
      const force = setTimeout(() => {
        for (const client of clients.keys()) client.terminate();
      }, SHUTDOWN_GRACE_MS);
      force.unref();
      await closed;
      clearTimeout(force);
    },
  };
}

function rawText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}
