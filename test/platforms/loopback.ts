import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A tiny HTTP server on 127.0.0.1 for the fake platforms the connector tests talk to:
 * it records every request, answers through a handler, and lets a test queue faults
 * (a reply to use instead of the handler's, or a request held until it times out).
 * Test fixtures only: nothing in the app starts one.
 */

export interface LoopbackRequest {
  readonly method: string;
  /** Path without the query string, as sent (still percent-encoded). */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  /** Parsed JSON when the body was JSON, the raw text otherwise, null when empty. */
  readonly body: unknown;
  readonly at: number;
}

export type LoopbackReply =
  | { readonly status: number; readonly json: unknown; readonly headers?: Readonly<Record<string, string>> }
  | { readonly status: number; readonly text: string; readonly headers?: Readonly<Record<string, string>> }
  /** A file download (media): the bytes as they are, `content-type` from `headers` (octet-stream if absent). */
  | { readonly status: number; readonly bytes: Uint8Array; readonly headers?: Readonly<Record<string, string>> }
  /** Never answer (until the server closes): the client's timeout must fire. */
  | { readonly hold: true };

export interface LoopbackFault {
  readonly when?: (request: LoopbackRequest) => boolean;
  readonly reply: LoopbackReply | ((request: LoopbackRequest) => LoopbackReply);
  /** How many matching requests get this reply; 1 by default. */
  readonly times?: number;
}

export interface LoopbackServer {
  readonly url: string;
  /** Every request received, oldest first, faulted ones included. */
  readonly requests: readonly LoopbackRequest[];
  inject(fault: LoopbackFault): void;
  close(): Promise<void>;
}

export type LoopbackHandler = (request: LoopbackRequest) => LoopbackReply | Promise<LoopbackReply>;

export async function startLoopback(handler: LoopbackHandler): Promise<LoopbackServer> {
  const requests: LoopbackRequest[] = [];
  const faults: { fault: LoopbackFault; left: number }[] = [];

  const takeFault = (request: LoopbackRequest): LoopbackReply | null => {
    const index = faults.findIndex(({ fault }) => fault.when?.(request) ?? true);
    const entry = faults[index];
    if (!entry) return null;
    entry.left -= 1;
    if (entry.left <= 0) faults.splice(index, 1);
    return typeof entry.fault.reply === 'function' ? entry.fault.reply(request) : entry.fault.reply;
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const text = Buffer.concat(chunks).toString('utf8');
      const request: LoopbackRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body: parseBody(text), at: Date.now() };
      requests.push(request);
      const fault = takeFault(request);
      Promise.resolve(fault ?? handler(request)).then(
        (reply) => send(res, reply),
        (error: unknown) => send(res, { status: 500, text: `fake server bug: ${error instanceof Error ? error.message : String(error)}` }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    inject: (fault) => faults.push({ fault, left: fault.times ?? 1 }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function parseBody(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function send(res: ServerResponse, reply: LoopbackReply): void {
  if ('hold' in reply) return;
  if ('bytes' in reply) {
    res.writeHead(reply.status, { 'content-type': 'application/octet-stream', 'content-length': reply.bytes.byteLength, ...reply.headers });
    res.end(reply.bytes);
    return;
  }
  const body = 'json' in reply ? JSON.stringify(reply.json) : reply.text;
  const type = 'json' in reply ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8';
  res.writeHead(reply.status, { 'content-type': type, 'content-length': Buffer.byteLength(body), ...reply.headers });
  res.end(body);
}
