import type { ConnectorError } from '@shared/connectors';
import { isConnectorFailure } from '@shared/connectors';
import { startQuietSandbox } from '@services/sandbox/fixture';
import type { SandboxServer } from '@services/sandbox/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSandboxConnector } from './connector';

let server: SandboxServer;
let connector: ReturnType<typeof createSandboxConnector>;
beforeEach(async () => {
  server = await startQuietSandbox({ volume: 100, reports: 10 });
  connector = createSandboxConnector({ baseUrl: server.url, token: server.token }, { timeoutMs: 400 });
});
afterEach(() => server.close());

async function errorOf(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!isConnectorFailure(error)) throw new Error(`expected a ConnectorFailure, got ${String(error)}`);
  return error.error;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const announce = (key: string, community = 'c_3') => connector.sendAnnouncement({ communityExternalId: community, text: 'hello' }, { idempotencyKey: key });

describe('rate limits', () => {
  it('maps 429 to rate-limited with the exact wait, scope and bucket', async () => {
    // Target first: an account-wide block would (rightly) refuse the second call too.
    server.setFaults({ rateLimit: { rate: 1, times: 1, scope: 'target', retryAfterMs: 300 } });
    expect(await errorOf(announce('a1'))).toEqual({ class: 'rate-limited', retryAfterMs: 300, scope: 'target', bucket: 'target:c_3' });
    server.setFaults({ rateLimit: { rate: 1, times: 1, scope: 'account', retryAfterMs: 1_250 } });
    expect(await errorOf(connector.pullJoinRequests(null))).toEqual({ class: 'rate-limited', retryAfterMs: 1_250, scope: 'account', bucket: 'account' });
  });

  it('lets a client that waits out Retry-After through, with no early request in the log', async () => {
    server.setFaults({ rateLimit: { rate: 1, times: 1, scope: 'target', retryAfterMs: 200 } });
    const error = await errorOf(announce('wait-1'));
    expect(error.class).toBe('rate-limited');
    // Another target is not blocked by a target-scoped limit.
    expect((await announce('other', 'c_4')).status).toBe('applied');
    await sleep(error.class === 'rate-limited' ? error.retryAfterMs : 0);
    expect((await announce('wait-1')).status).toBe('applied');
    expect(server.requests().filter((r) => r.earlyRetry)).toEqual([]);
    expect(server.actions().filter((a) => a.effect === 'applied')).toHaveLength(2);
  });

  it('shows in the request log when a client retries too early', async () => {
    server.setFaults({ rateLimit: { rate: 1, times: 1, scope: 'global', retryAfterMs: 5_000 } });
    await errorOf(connector.verifyAuth());
    const second = await errorOf(connector.listCommunities(null));
    expect(second).toMatchObject({ class: 'rate-limited', scope: 'global' });
    expect(server.requests().map((r) => r.earlyRetry)).toEqual([false, true]);
  });
});

describe('transient failures', () => {
  it('maps 500, 502 (HTML) and 503 to transient', async () => {
    server.setFaults({ serverError: { rate: 1, times: 12 } });
    const errors = await Promise.all(Array.from({ length: 12 }, () => errorOf(connector.listCommunities(null))));
    expect(new Set(errors.map((e) => e.class))).toEqual(new Set(['transient']));
    expect(new Set(errors.map((e) => (e.class === 'transient' ? e.detail.slice(0, 8) : '')))).toEqual(new Set(['HTTP 500', 'HTTP 502', 'HTTP 503']));
  });

  it('gives up on a held request after its timeout, as transient', async () => {
    server.setFaults({ timeout: { rate: 1, times: 1 } });
    const started = performance.now();
    expect(await errorOf(connector.pullReports(null))).toEqual({ class: 'transient', detail: 'no answer within 400 ms' });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect((await connector.pullReports(null)).items.length).toBeGreaterThan(0);
  });

  it('waits for a slow answer within the timeout', async () => {
    server.setFaults({ slow: { rate: 1, times: 1, delayMs: 150 } });
    expect((await connector.verifyAuth()).principal).toBe('modboard_bot');
  });

  it('maps a refused connection to transient', async () => {
    await server.close();
    expect(await errorOf(connector.verifyAuth())).toMatchObject({ class: 'transient', detail: expect.stringContaining('network') });
  });

  it('rejects with the caller’s reason on cancel, not as a platform failure', async () => {
    server.setFaults({ timeout: { rate: 1, times: 1 } });
    const controller = new AbortController();
    const pending = connector.pullJoinRequests(null, { signal: controller.signal });
    controller.abort(new Error('engine stopping'));
    await expect(pending).rejects.toThrow('engine stopping');
  });
});

describe('auth', () => {
  it('maps an expired token to auth needs-reauth until the user reconnects', async () => {
    server.setFaults({ expireAuth: { rate: 1, times: 1 } });
    expect(await errorOf(connector.pullJoinRequests(null))).toEqual({ class: 'auth', reason: 'needs-reauth' });
    expect(await errorOf(connector.verifyAuth())).toEqual({ class: 'auth', reason: 'needs-reauth' });
    const reconnected = createSandboxConnector({ baseUrl: server.url, token: server.reissueToken() });
    expect((await reconnected.verifyAuth()).scopesOk).toBe(true);
  });

  it('maps a wrong token to auth invalid-token', async () => {
    const stranger = createSandboxConnector({ baseUrl: server.url, token: 'sbx_not_mine' });
    expect(await errorOf(stranger.listCommunities(null))).toEqual({ class: 'auth', reason: 'invalid-token' });
  });
});

describe('malformed answers', () => {
  it('maps truncated JSON to transient and wrongly typed JSON to invalid, never a half-parsed page', async () => {
    server.setFaults({ garbled: { rate: 1, times: 10 } });
    const errors = await Promise.all(Array.from({ length: 10 }, () => errorOf(connector.pullJoinRequests(null, { limit: 5 }))));
    const classes = new Set(errors.map((e) => e.class));
    expect(classes).toEqual(new Set(['transient', 'invalid']));
    expect(errors.find((e) => e.class === 'invalid')).toMatchObject({ detail: expect.stringContaining('unexpected answer at items.0') });
  });

  it('maps a garbled push answer to a failure that reconcile can clear up', async () => {
    server.setFaults({ garbled: { rate: 1, times: 1 } });
    const key = 'garbled-push';
    const error = await errorOf(connector.decideJoinRequest({ requestExternalId: 'jr_1', communityExternalId: 'c', version: null, decision: 'approve', reason: null, ban: false }, { idempotencyKey: key }));
    expect(['transient', 'invalid']).toContain(error.class);
    expect(await connector.reconcile(key)).toMatchObject({ state: 'applied', outcome: { status: 'applied', externalId: 'jr_1' } });
  });
});
