import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One answer on its way back from the upstream server, before the client sees it. */
export interface ForwardedAnswer {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly ok: boolean;
  readonly text: string;
  readonly contentType: string;
}

/** What the client gets instead of the upstream's body, or null for the body untouched. */
export type AnswerHook = (answer: ForwardedAnswer) => Promise<{ readonly body: string; readonly contentType: string } | null> | { readonly body: string; readonly contentType: string } | null;

export interface ForwardingProxy {
  /** The base URL to give a connector: the proxy's origin with the upstream's path. */
  readonly baseUrl: string;
  close(): Promise<void>;
}

/** Headers that belong to one hop, or that no longer describe a body the hook may replace. */
const HOP_HEADERS = ['content-length', 'content-encoding', 'transfer-encoding', 'connection'];

const readAll = (req: IncomingMessage) =>
  new Promise<Buffer>((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
  });

/**
 * A loopback HTTP proxy in front of a platform's test server: every request goes
 * upstream untouched, so the platform really applies it, and `hook` sees each answer
 * before the client does and may replace its body (the fault proxies) or act while the
 * client waits on it (a pause landing mid-push). Status and headers pass through.
 */
export async function startForwardingProxy(upstream: string, hook: AnswerHook): Promise<ForwardingProxy> {
  const target = new URL(upstream);
  const server = createServer((req, res) => {
    void (async () => {
      const body = await readAll(req);
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k, v]) => typeof v === 'string' && !['host', 'connection', 'content-length'].includes(k))) as Record<string, string>;
      const answer = await fetch(`${target.origin}${req.url ?? '/'}`, { method: req.method, headers, ...(body.length > 0 ? { body: new Uint8Array(body) } : {}), redirect: 'manual' });
      const text = await answer.text();
      const passHeaders: Record<string, string> = {};
      answer.headers.forEach((value, key) => {
        if (!HOP_HEADERS.includes(key)) passHeaders[key] = value;
      });
      const contentType = answer.headers.get('content-type') ?? 'application/json';
      const path = new URL(req.url ?? '/', target.origin).pathname;
      const replaced = await hook({ method: req.method ?? 'GET', path, status: answer.status, ok: answer.ok, text, contentType });
      const out = replaced ?? { body: text, contentType };
      res.writeHead(answer.status, { ...passHeaders, 'content-type': out.contentType, 'content-length': Buffer.byteLength(out.body) });
      res.end(out.body);
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: new URL(target.pathname + target.search, `http://127.0.0.1:${port}`).toString(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
