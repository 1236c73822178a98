import { afterEach, describe, expect, it } from 'vitest';
import { startQuietSandbox } from './fixture';
import type { SandboxServer, SandboxServerOptions } from './server';
import { OTHER_ADMINS } from './text/names';

let server: SandboxServer;
afterEach(() => server?.close());

async function start(options: SandboxServerOptions = {}) {
  server = await startQuietSandbox({ volume: 500, ...options });
  return server;
}

/** Loosely typed JSON for poking at answers; assertions check the actual values. */
type Json = { readonly [key: string]: Json };

async function call(method: string, path: string, options: { body?: unknown; key?: string; token?: string | null } = {}) {
  const headers: Record<string, string> = {};
  const token = options.token === undefined ? server.apiToken() : options.token;
  if (token) headers.authorization = `Bearer ${token}`;
  if (options.key) headers['idempotency-key'] = options.key;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${server.url}${path}`, { method, headers, ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}) });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers, body: body as Json };
}

const decide = (id: string, key: string, body: object = { decision: 'approve' }) => call('POST', `/v1/join-requests/${id}/decision`, { body, key });

describe('auth', () => {
  it('refuses missing and wrong tokens; control endpoints need the launch token', async () => {
    await start();
    expect((await call('GET', '/v1/me', { token: null })).status).toBe(401);
    expect((await call('GET', '/v1/me', { token: 'sbx_wrong' })).body?.error?.code).toBe('invalid_token');
    expect((await call('GET', '/_sandbox/state', { token: 'sbx_wrong' })).status).toBe(401);
    expect((await call('GET', '/_sandbox/state')).status).toBe(200);
  });

  it('expires the token until a new one is issued; the old one stays expired', async () => {
    await start();
    const old = server.token;
    await call('POST', '/_sandbox/token/expire', { token: old });
    expect((await call('GET', '/v1/me', { token: old })).body?.error?.code).toBe('token_expired');
    const { body } = await call('POST', '/_sandbox/token', { token: old });
    expect((await call('GET', '/v1/me', { token: String(body?.token) })).status).toBe(200);
    expect((await call('GET', '/v1/me', { token: old })).body?.error?.code).toBe('token_expired');
  });
});

describe('pushes and idempotency', () => {
  it('treats a repeated key as the same action: original answer, no second effect', async () => {
    await start();
    const first = await decide('jr_3', 'key-1');
    const second = await decide('jr_3', 'key-1');
    expect(first.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(server.actions().map((a) => a.effect)).toEqual(['applied', 'duplicate']);
    expect(server.world().joinRequests.get(3).version).toBe(2);
    expect((await decide('jr_3', 'key-1', { decision: 'decline' })).body?.error?.code).toBe('idempotency_key_reused');
  });

  it('needs an Idempotency-Key, and frees a key whose request failed validation', async () => {
    await start();
    expect((await call('POST', '/v1/join-requests/jr_1/decision', { body: { decision: 'approve' } })).body?.error?.code).toBe('missing_idempotency_key');
    expect((await decide('jr_1', 'k', { decision: 'maybe' })).status).toBe(422);
    expect((await decide('jr_1', 'k')).status).toBe(200);
  });

  it('answers already_handled naming the other admin and when', async () => {
    await start();
    expect(server.handleElsewhere({ joinRequestIds: ['jr_5'] }).joinRequests).toEqual(['jr_5']);
    const { status, body } = await decide('jr_5', 'k5');
    expect(status).toBe(409);
    expect(body?.error?.code).toBe('already_handled');
    expect(OTHER_ADMINS).toContain(body?.error?.handled_by?.name);
    expect(Date.parse(String(body?.error?.handled_by?.at))).toBeGreaterThan(0);
    expect(server.actions()[0]?.effect).toBe('already-handled');
  });

  it('refuses a stale version and unknown items', async () => {
    await start();
    expect((await decide('jr_7', 'a', { decision: 'approve', version: 3 })).body?.error).toMatchObject({ code: 'stale_version', current_version: 1 });
    expect((await decide('jr_999999', 'b')).body?.error).toMatchObject({ code: 'not_found', what: 'request' });
  });

  it('remembers every push by key for reconciliation', async () => {
    await start();
    await decide('jr_2', 'remember-me', { decision: 'decline', reason: 'spam', ban: true });
    const { body } = await call('GET', '/v1/actions/remember-me');
    expect(body).toMatchObject({ key: 'remember-me', method: 'POST', path: '/v1/join-requests/jr_2/decision', status: 200, response: { result: 'applied', id: 'jr_2' } });
    expect((await call('GET', '/v1/actions/never-sent')).status).toBe(404);
    expect(server.state().world.moderation.bans).toBe(1);
  });

  it('lists every announcement as it stands now, edited and deleted ones included, on /_sandbox/announcements', async () => {
    await start();
    const community = server.world().communities[0]!.id;
    const first = await call('POST', `/v1/communities/${community}/announcements`, { body: { text: 'first' }, key: 'post-1' });
    await call('POST', `/v1/communities/${community}/announcements`, { body: { text: 'second' }, key: 'post-2' });
    await call('PATCH', `/v1/communities/${community}/announcements/${first.body.id}`, { body: { text: 'first, edited' }, key: 'edit-1' });
    await call('DELETE', `/v1/communities/${community}/announcements/${first.body.id}`, { key: 'delete-1' });
    const { status, body } = await call('GET', '/_sandbox/announcements', { token: server.token });
    expect(status).toBe(200);
    expect(body.announcements).toEqual([
      expect.objectContaining({ id: first.body.id, communityId: community, text: 'first, edited', deletedBy: expect.objectContaining({ name: expect.any(String) }) }),
      expect.objectContaining({ communityId: community, text: 'second', editedAt: null, deletedBy: null }),
    ]);
    expect((await call('GET', '/_sandbox/announcements', { token: null })).status).toBe(401);
  });
});

describe('feeds over HTTP', () => {
  it('pages with an opaque cursor and refuses one from before a reset', async () => {
    await start();
    const first = await call('GET', '/v1/join-requests?limit=100');
    expect(first.body?.items).toHaveLength(100);
    expect(first.body).toMatchObject({ complete: false, total: 500 });
    expect((await call('GET', '/v1/join-requests?limit=1001')).status).toBe(400);
    expect((await call('GET', '/v1/join-requests?cursor=garbage')).body?.error?.code).toBe('invalid_cursor');
    await call('POST', '/_sandbox/reset');
    const stale = await call('GET', `/v1/join-requests?cursor=${String(first.body?.next)}`);
    expect(stale.status).toBe(410);
    expect(stale.body?.error?.code).toBe('cursor_expired');
  });

  it('adds items on /_sandbox/advance, returned by the next pull from the committed cursor', async () => {
    await start({ volume: 10, reports: 3 });
    const all = await call('GET', '/v1/join-requests?limit=1000');
    expect(all.body?.complete).toBe(true);
    await call('POST', '/_sandbox/advance', { body: { joinRequests: 4, reports: 2 } });
    const fresh = await call('GET', `/v1/join-requests?cursor=${String(all.body?.next)}`);
    expect((fresh.body?.items as unknown as { id: string }[]).map((r) => r.id)).toEqual(['jr_10', 'jr_11', 'jr_12', 'jr_13']);
    expect((await call('GET', '/_sandbox/state')).body?.world?.reports?.total).toBe(5);
  });

  it('answers 404 and 405 for unknown routes and methods', async () => {
    await start();
    expect((await call('GET', '/v1/nothing')).status).toBe(404);
    expect((await call('DELETE', '/v1/me')).status).toBe(405);
  });
});

describe('faults', () => {
  const statuses = async (n: number) => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push((await call('GET', '/v1/communities')).status);
    return out;
  };

  it('follows the same fault sequence for the same seed', async () => {
    const faults = { serverError: { rate: 0.3 }, rateLimit: { rate: 0.2, retryAfterMs: 0 } };
    await start({ seed: 11, faults });
    const first = await statuses(40);
    await server.close();
    await start({ seed: 11, faults });
    expect(await statuses(40)).toEqual(first);
    expect(new Set(first)).toEqual(new Set([200, 429, 500, 502, 503]));
  });

  it('holds a timed-out request until the client gives up, and logs it', async () => {
    await start({ faults: { timeout: { rate: 1, times: 1 } } });
    await expect(fetch(`${server.url}/v1/me`, { headers: { authorization: `Bearer ${server.token}` }, signal: AbortSignal.timeout(200) })).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.requests().at(-1)).toMatchObject({ path: '/v1/me', rejected: 'timeout', status: null });
    expect((await call('GET', '/v1/me')).status).toBe(200);
  });

  it('sends truncated or wrongly typed bodies when garbling', async () => {
    await start({ faults: { garbled: { rate: 1 } } });
    const bodies = await Promise.all(Array.from({ length: 8 }, () => call('GET', '/v1/me')));
    expect(bodies.some((b) => typeof b.body === 'string')).toBe(true);
    expect(bodies.some((b) => typeof b.body === 'object' && typeof b.body?.principal !== 'string')).toBe(true);
  });

  it('enforces real limits when asked, with the bucket in the answer', async () => {
    await start({ rateLimits: { accountPerSecond: 5, accountBurst: 5, announcePerTargetPerSecond: 1, announceBurst: 1 } });
    const codes = await statuses(7);
    expect(codes.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    const limited = await call('GET', '/v1/communities');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-ratelimit-scope')).toBe('account');
    expect(limited.body?.error?.retry_after_ms).toBeGreaterThan(0);
  });

  it('marks requests sent to a scope before its Retry-After expired', async () => {
    await start({ faults: { rateLimit: { rate: 1, times: 1, scope: 'global', retryAfterMs: 10_000 } } });
    expect((await call('GET', '/v1/me')).status).toBe(429);
    const early = await call('GET', '/v1/communities');
    expect(early.status).toBe(429);
    expect(early.body?.error?.retry_after_ms).toBeLessThanOrEqual(10_000);
    expect(server.requests().map((r) => [r.limitedBucket, r.earlyRetry])).toEqual([
      ['global', false],
      ['global', true],
    ]);
  });
});
