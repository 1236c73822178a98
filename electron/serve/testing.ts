import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import type { EventListener, Services } from '@services/app/host';
import { silentLogger } from '@services/app/logger';
import { err, ok } from '@shared/result';
import { sessionCookieName } from './cookie';
import { startHttpServer, type RunningHttpServer } from './http-server';

/**
 * Test support for browser mode (imported by *.test.ts only): a throwaway renderer folder
 * with a secret file next to it, a small real Services object, a running server on a free
 * port, and raw HTTP/WebSocket clients that send exactly the path and headers given.
 */
export const SECRET = 'NOT-FOR-THE-BROWSER';
/** What the fake serves at `/media/PNG1`: the first bytes of a PNG (enough for the route, which never decodes it). */
export const FAKE_PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
export const INDEX_HTML = '<!doctype html><title>Modboard</title><script type="module" src="/assets/app-1a2b.js"></script>';

export interface FakeServices extends Services {
  emit: EventListener;
  readonly stopped: boolean;
  /** Holds `queues.counts` calls until released, to fill the in-flight budget. */
  releaseHeld(): void;
}

/** Echoes `app.info`, fails `settings.get` with a typed error, holds `queues.counts`, serves one image at `/media/PNG1`. */
export function createFakeServices(): FakeServices {
  const listeners = new Set<EventListener>();
  let held: Array<() => void> = [];
  let stopped = false;
  return {
    async dispatch(name, payload) {
      if (name === 'app.info') return ok({ echo: payload });
      if (name === 'queues.counts') {
        await new Promise<void>((resolve) => held.push(resolve));
        return ok({ released: true });
      }
      return err('not-found', `No fake for ${String(name)}`);
    },
    async readMedia(id) {
      return id === 'PNG1'
        ? { kind: 'image', contentType: 'image/png', bytes: FAKE_PNG }
        : { kind: 'refused', status: 404, message: 'No such attachment.' };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async stop() {
      stopped = true;
    },
    emit: (name, payload) => {
      for (const listener of listeners) listener(name, payload);
    },
    get stopped() {
      return stopped;
    },
    releaseHeld() {
      for (const resolve of held) resolve();
      held = [];
    },
  };
}

export interface ServeFixture {
  readonly dir: string;
  readonly rendererDir: string;
  readonly server: RunningHttpServer;
  readonly services: FakeServices;
  readonly host: string;
  readonly cookie: string;
  dispose(): Promise<void>;
}

export async function makeRendererDir(): Promise<{ dir: string; rendererDir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'modboard-serve-'));
  const rendererDir = join(dir, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), INDEX_HTML);
  await writeFile(join(rendererDir, 'assets', 'app-1a2b.js'), 'console.log("app");');
  await writeFile(join(rendererDir, 'assets', 'app-1a2b.css'), 'body{}');
  await writeFile(join(dir, 'package.json'), JSON.stringify({ secret: SECRET }));
  return { dir, rendererDir };
}

export async function startFixture(options: { heartbeatMs?: number } = {}): Promise<ServeFixture> {
  const { dir, rendererDir } = await makeRendererDir();
  const services = createFakeServices();
  const server = await startHttpServer({ port: 0, rendererDir, services, log: silentLogger, ...options });
  return {
    dir,
    rendererDir,
    server,
    services,
    host: `127.0.0.1:${server.port}`,
    cookie: `${sessionCookieName(server.port)}=${server.token}`,
    async dispose() {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** node:http sends the path verbatim (no `..` folding), which is what traversal tests need. */
export function rawGet(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

export type SocketOutcome = { readonly opened: WebSocket } | { readonly refused: number };

export function openSocket(
  port: number,
  options: { path?: string; headers?: Record<string, string>; origin?: string; autoPong?: boolean } = {},
): Promise<SocketOutcome> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}${options.path ?? '/ws'}`, {
      headers: options.headers,
      origin: options.origin,
      autoPong: options.autoPong ?? true,
    });
    ws.once('open', () => resolve({ opened: ws }));
    ws.once('unexpected-response', (_req, res) => {
      resolve({ refused: res.statusCode ?? 0 });
      res.resume();
      ws.terminate();
    });
    ws.once('error', reject);
  });
}

/** Collects parsed text frames so a test can await the nth one. */
export function frames(ws: WebSocket): (count: number) => Promise<unknown[]> {
  const seen: unknown[] = [];
  const waiters: Array<() => void> = [];
  ws.on('message', (data) => {
    seen.push(JSON.parse(String(data)));
    for (const wake of waiters.splice(0)) wake();
  });
  return async (count) => {
    while (seen.length < count) await new Promise<void>((resolve) => waiters.push(resolve));
    return seen.slice(0, count);
  };
}
