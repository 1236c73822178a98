import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback proxy in front of the Sandbox that forwards every request untouched, so
 * the platform really applies it, and replaces the body of the next `count` successful
 * answers to requests matching `garble` with `body`: a cut stream, an HTML page from a
 * proxy, JSON of another shape. The status stays 2xx.
 */
export interface GarblingProxy {
  readonly baseUrl: string;
  garble(match: (method: string, path: string) => boolean, body: string, count?: number): void;
  /** How many answers were garbled so far. */
  readonly garbled: number;
  close(): Promise<void>;
}

const readAll = (req: IncomingMessage) =>
  new Promise<Buffer>((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
  });

export async function startGarblingProxy(upstream: string): Promise<GarblingProxy> {
  const target = new URL(upstream);
  let rule: { match: (method: string, path: string) => boolean; body: string; left: number } | null = null;
  let garbled = 0;
  const server = createServer((req, res) => {
    void (async () => {
      const body = await readAll(req);
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k, v]) => typeof v === 'string' && !['host', 'connection', 'content-length'].includes(k))) as Record<string, string>;
      const answer = await fetch(`${target.origin}${req.url ?? '/'}`, { method: req.method, headers, ...(body.length > 0 ? { body: new Uint8Array(body) } : {}) });
      let text = await answer.text();
      const path = new URL(req.url ?? '/', target.origin).pathname;
      if (rule && rule.left > 0 && answer.ok && rule.match(req.method ?? 'GET', path)) {
        rule.left -= 1;
        garbled += 1;
        text = rule.body;
      }
      res.writeHead(answer.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...(answer.headers.get('retry-after') ? { 'retry-after': answer.headers.get('retry-after') ?? '' } : {}) });
      res.end(text);
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: new URL(target.pathname + target.search, `http://127.0.0.1:${port}`).toString(),
    garble(match, text, count = 1) {
      rule = { match, body: text, left: count };
    },
    get garbled() {
      return garbled;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
