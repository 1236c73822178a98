import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Logger, Services } from '@services/app/host';
import { mediaHttpResponse, mediaIdOf } from '@services/media/media-response';
import { MEDIA_PATH_PREFIX } from '@shared/domain/media';
import { formatSessionCookie } from './cookie';
import { checkRequest, isAllowedOrigin, urlWithoutToken, type GuardConfig, type RequestFacts } from './request-guard';
import { securityHeaders } from './security-headers';
import { createStaticFiles, sendText } from './static-files';
import { createToken, tokenFingerprint } from './token';
import { createWebSocketTransport } from './ws-transport';

/**
 * Browser mode's one listening socket: the built renderer over HTTP and the contract
 * over WebSocket at /ws, both behind the same Host, token and Origin checks.
 * It binds 127.0.0.1 only; nothing here may ever listen beyond loopback.
 */
export const LOOPBACK_HOST = '127.0.0.1';
export const WEBSOCKET_PATH = '/ws';

export interface HttpServerOptions {
  /** 0 picks a free port. */
  readonly port: number;
  readonly rendererDir: string;
  readonly services: Services;
  readonly log: Logger;
  readonly heartbeatMs?: number;
}

export interface RunningHttpServer {
  readonly port: number;
  readonly token: string;
  /** The link to open: carries the token once, then the cookie takes over. */
  readonly url: string;
  close(): Promise<void>;
}

export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const { log } = options;
  const staticFiles = await createStaticFiles(options.rendererDir);
  const token = createToken();
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: LOOPBACK_HOST, port: options.port }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // Past start-up, a server error is logged, not thrown: an unhandled 'error' would kill every session.
  server.on('error', (error) => log.error('HTTP server error', { error: error.message }));
  const { port } = server.address() as AddressInfo;
  const guard: GuardConfig = { port, token };
  const headers = securityHeaders(port);
  const transport = createWebSocketTransport({ services: options.services, log, heartbeatMs: options.heartbeatMs });

  const refuse = (req: IncomingMessage, status: number, reason: string) =>
    log.warn('Request refused', { status, reason, method: req.method, path: pathOf(req.url).slice(0, 200) });

  const fail = (res: ServerResponse, what: string, error: unknown) => {
    log.error(what, { error: String(error) });
    if (!res.headersSent) sendText(res, 500, 'Internal error.');
    else res.destroy();
  };

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    const verdict = checkRequest(requestFacts(req, false), guard);
    if (!verdict.allowed) {
      refuse(req, verdict.status, verdict.reason);
      return sendText(res, verdict.status, verdict.reason);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendText(res, 405, 'Method not allowed.');
    }
    if (verdict.tokenFrom === 'query') {
      // Trade the token in the address bar for a cookie, then reload without it.
      res.setHeader('Set-Cookie', formatSessionCookie(port, token));
      res.setHeader('Location', urlWithoutToken(req.url ?? '/'));
      return sendText(res, 303, 'Signed in.');
    }
    if (pathOf(req.url) === WEBSOCKET_PATH) return sendText(res, 426, 'Use a WebSocket.');
    if (pathOf(req.url).startsWith(MEDIA_PATH_PREFIX)) {
      serveMedia(req, res).catch((error: unknown) => fail(res, 'Serving an attachment failed', error));
      return;
    }
    staticFiles.serve(req, res).catch((error: unknown) => fail(res, 'Serving a file failed', error));
  };

  /**
   * Behind the same Host and token-cookie checks as everything else (done above). The
   * cookie is SameSite=Strict, so another site's page never sends it; an Origin other than
   * ours (a script's fetch) is refused as well, as on the WebSocket.
   */
  const serveMedia = async (req: IncomingMessage, res: ServerResponse) => {
    if (!isAllowedOrigin(req.headers.origin, req.headers.host ?? '')) {
      refuse(req, 403, 'foreign origin');
      return sendText(res, 403, 'Forbidden.');
    }
    const id = mediaIdOf(pathOf(req.url));
    const response = mediaHttpResponse(id === null ? { kind: 'refused', status: 404, message: 'No such attachment.' } : await options.services.readMedia(id));
    if (res.destroyed) return;
    res.writeHead(response.status, response.headers);
    res.end(req.method === 'HEAD' ? undefined : response.body);
  };

  // A throw inside a request listener would take the whole process down: answer 500 instead.
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    try {
      onRequest(req, res);
    } catch (error) {
      fail(res, 'Handling a request failed', error);
    }
  });

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const verdict = checkRequest(requestFacts(req, true), guard);
    if (!verdict.allowed) {
      refuse(req, verdict.status, verdict.reason);
      return rejectUpgrade(socket, headers, verdict.status, verdict.reason);
    }
    if (pathOf(req.url) !== WEBSOCKET_PATH) return rejectUpgrade(socket, headers, 404, 'Not found.');
    transport.handleUpgrade(req, socket, head);
  };

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // A peer resetting mid-handshake must not become an unhandled 'error'.
    socket.on('error', () => socket.destroy());
    try {
      onUpgrade(req, socket, head);
    } catch (error) {
      log.error('Handling a WebSocket handshake failed', { error: String(error) });
      socket.destroy();
    }
  });

  log.info('Browser mode is listening', { host: LOOPBACK_HOST, port, launch: tokenFingerprint(token) });

  return {
    port,
    token,
    url: `http://${LOOPBACK_HOST}:${port}/?token=${token}`,
    close: once(async () => {
      await transport.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Only small static files travel over plain HTTP here, so nothing is worth waiting
      // for; waiting would let a browser's keep-alive sockets hold the process open.
      server.closeAllConnections();
      await closed;
    }),
  };
}

/** Shutdown may be asked for twice (a signal during a test's teardown); the second caller waits for the first. */
function once(run: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= run());
}

function pathOf(url: string | undefined): string {
  return (url ?? '/').split('?', 1)[0] ?? '/';
}

function requestFacts(req: IncomingMessage, isUpgrade: boolean): RequestFacts {
  return {
    url: req.url ?? '/',
    host: req.headers.host,
    cookie: req.headers.cookie,
    origin: req.headers.origin,
    isUpgrade,
  };
}

/** A handshake is refused with a plain HTTP response on the raw socket, then the socket is closed. */
function rejectUpgrade(socket: Duplex, headers: Readonly<Record<string, string>>, status: number, body: string): void {
  const lines = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`,
    'Connection: close',
    'Content-Type: text/plain; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Cache-Control: no-store',
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  socket.once('finish', () => socket.destroy());
  socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`);
}
