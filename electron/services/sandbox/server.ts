import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ActionRecord } from './action-log';
import type { FaultConfig, FaultPatch } from './faults';
import { serveControl } from './http/control';
import { sendJson } from './http/io';
import { MEDIA_ROUTE, serveMedia } from './http/media';
import { serveApi, type PipelineHost } from './http/pipeline';
import { SandboxPlatform, type PlatformOptions } from './platform';
import type { RequestRecord } from './request-log';
import type { MessageRecord } from './world/model';
import type { PostInput, SandboxWorld } from './world/world';

export interface SandboxServerOptions extends PlatformOptions {
  /** 0 (the default) picks a free port; the bound one is in the result. */
  readonly port?: number;
}

export interface SandboxServer {
  readonly url: string;
  readonly port: number;
  /** The launch token: valid for the API until expired, and for `/_sandbox` always. */
  readonly token: string;
  /** The token the API accepts now (differs from `token` after a re-issue). */
  apiToken(): string;
  close(): Promise<void>;
  /** The live world, for assertions (replaced by `reset`). */
  world(): SandboxWorld;
  state(): ReturnType<SandboxPlatform['state']>;
  actions(): readonly ActionRecord[];
  requests(): readonly RequestRecord[];
  setFaults(patch: FaultPatch): FaultConfig;
  advance(add: { joinRequests?: number; reports?: number; messages?: number }): void;
  /** A member posts `body` now (as `POST /_sandbox/messages`); the message, or null for an unknown community or person. */
  post(input: PostInput): MessageRecord | null;
  handleElsewhere(ids: { joinRequestIds?: readonly string[]; reportIds?: readonly string[] }): { joinRequests: string[]; reports: string[] };
  expireToken(): void;
  reissueToken(): string;
  reset(): void;
}

/** Longest a `timeout` fault holds a request when the client never gives up. */
const MAX_HOLD_MS = 10 * 60_000;

/**
 * Starts the Sandbox network on 127.0.0.1. Loopback only: it is a local fixture
 * and the app's embedded default, never a public service.
 */
export async function startSandboxServer(options: SandboxServerOptions = {}): Promise<SandboxServer> {
  const platform = new SandboxPlatform(options);
  const timers = new Set<NodeJS.Timeout>();
  const held = new Set<ServerResponse>();

  const host: PipelineHost = {
    sleep: (ms) =>
      new Promise((resolve) => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          resolve();
        }, ms);
        timers.add(timer);
      }),
    hold: (res, onGiveUp) => {
      held.add(res);
      const timer = setTimeout(() => res.destroy(), MAX_HOLD_MS);
      timers.add(timer);
      res.on('close', () => {
        clearTimeout(timer);
        timers.delete(timer);
        held.delete(res);
        onGiveUp();
      });
    },
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://sandbox.local');
    if (url.pathname.startsWith(MEDIA_ROUTE)) return serveMedia(platform, req, res, url);
    const serve = url.pathname.startsWith('/_sandbox/') ? serveControl(platform, req, res, url) : serveApi(platform, host, req, res, url);
    serve.catch((error: unknown) => {
      // A throw here is a Sandbox bug; answer 500 so the client sees it rather than hanging.
      sendJson(res, 500, { error: { code: 'sandbox_bug', message: String(error) } });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    token: platform.tokens.launch,
    apiToken: () => platform.tokens.current,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        for (const res of held) res.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    world: () => platform.world,
    state: () => platform.state(),
    actions: () => platform.actions.entries(),
    requests: () => platform.requests.entries(),
    setFaults: (patch) => platform.faults.update(patch),
    advance: (add) => platform.advance(add),
    post: (input) => platform.post(input),
    handleElsewhere: (ids) => ({
      joinRequests: platform.handleElsewhere('joinRequests', ids.joinRequestIds ?? []),
      reports: platform.handleElsewhere('reports', ids.reportIds ?? []),
    }),
    expireToken: () => platform.tokens.expire(),
    reissueToken: () => platform.tokens.reissue(),
    reset: () => platform.reset(),
  };
}
