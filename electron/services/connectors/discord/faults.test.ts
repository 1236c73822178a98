import { isConnectorFailure, type ConnectorError } from '@shared/connectors';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDiscordConnector, type DiscordConnector } from './connector';
import { BOT_TOKEN, FakeDiscord } from '../../../../test/platforms/discord/fake-discord-server';

let fake: FakeDiscord;
let connector: DiscordConnector;
const G = '100000000000000001';
const C = '200000000000000001';
beforeEach(async () => {
  fake = await FakeDiscord.start();
  fake.addGuild({ id: G, name: 'Gardeners', channels: [{ id: C, type: 0, name: 'general' }] });
  connector = createDiscordConnector({ baseUrl: fake.url, token: BOT_TOKEN }, { timeoutMs: 300 });
});
afterEach(() => fake.close());

async function errorOf(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!isConnectorFailure(error)) throw new Error(`expected a ConnectorFailure, got ${String(error)}`);
  expect(error.message).not.toContain(BOT_TOKEN);
  return error.error;
}

const send = () => connector.sendAnnouncement({ communityExternalId: `${G}/${C}`, text: 'hi' }, { idempotencyKey: 'k' });
const limited = (retryAfter: number, headers: Record<string, string>, global = false) => ({ status: 429, json: { message: 'You are being rate limited.', retry_after: retryAfter, global }, headers: { 'retry-after': String(Math.ceil(retryAfter)), ...headers } });

describe('rate limits', () => {
  it('reads a per-route bucket: float retry_after, X-RateLimit-Scope user, X-RateLimit-Bucket', async () => {
    fake.inject({ reply: limited(1.337, { 'x-ratelimit-scope': 'user', 'x-ratelimit-bucket': 'abcd1234', 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset-after': '1.337' }) });
    expect(await errorOf(send())).toEqual({ class: 'rate-limited', retryAfterMs: 1_337, scope: 'route', bucket: 'abcd1234' });
  });

  it('reads the global limit from global: true / X-RateLimit-Global, and a shared limit as the target’s', async () => {
    fake.inject({ reply: limited(0.25, { 'x-ratelimit-global': 'true', 'x-ratelimit-scope': 'global' }, true) });
    expect(await errorOf(connector.listCommunities(null))).toEqual({ class: 'rate-limited', retryAfterMs: 250, scope: 'global' });
    fake.inject({ reply: limited(2, { 'x-ratelimit-scope': 'shared', 'x-ratelimit-bucket': 'chan' }) });
    expect(await errorOf(send())).toEqual({ class: 'rate-limited', retryAfterMs: 2_000, scope: 'target', bucket: 'chan' });
  });
});

describe('auth and not-found', () => {
  it('stops on 401 and 403 (they count toward the Cloudflare ban)', async () => {
    const stranger = createDiscordConnector({ baseUrl: fake.url, token: 'MTIz.abc.def' });
    expect(await errorOf(stranger.verifyAuth())).toEqual({ class: 'auth', reason: 'invalid-token' });
    fake.inject({ reply: { status: 403, json: { message: 'Missing Permissions', code: 50013 } } });
    expect(await errorOf(connector.moderate({ type: 'kick', communityExternalId: G, personExternalId: '300000000000000001', reason: null }, { idempotencyKey: 'k' }))).toEqual({ class: 'auth', reason: 'missing-permission' });
  });

  it('names what is unknown from the JSON code', async () => {
    expect(await errorOf(connector.moderate({ type: 'kick', communityExternalId: '100000000000000404', personExternalId: '300000000000000001', reason: null }, { idempotencyKey: 'k' }))).toMatchObject({ class: 'not-found' });
    fake.inject({ reply: { status: 404, json: { message: 'Unknown Channel', code: 10003 } } });
    expect(await errorOf(send())).toEqual({ class: 'not-found', what: 'community' });
    fake.inject({ reply: { status: 404, json: { message: 'Unknown Message', code: 10008 } } });
    expect(await errorOf(connector.editAnnouncement({ communityExternalId: `${G}/${C}`, messageExternalId: '400000000000000001', text: 'x' }, { idempotencyKey: 'k' }))).toEqual({ class: 'not-found', what: 'message' });
  });
});

describe('transient and malformed answers', () => {
  it('maps 5xx, a Cloudflare HTML page and a held request to transient', async () => {
    fake.inject({ reply: { status: 502, text: '<html>cloudflare</html>' } });
    expect(await errorOf(connector.pullReports(null))).toMatchObject({ class: 'transient', detail: expect.stringContaining('HTTP 502') });
    fake.inject({ reply: { hold: true } });
    expect(await errorOf(connector.pullReports(null))).toEqual({ class: 'transient', detail: 'no answer within 300 ms' });
  });

  it('maps truncated JSON to transient and wrongly typed JSON to invalid', async () => {
    fake.inject({ reply: { status: 200, text: '[{"id":"1000000000000' } });
    expect(await errorOf(connector.listCommunities(null))).toMatchObject({ class: 'transient' });
    fake.inject({ reply: { status: 200, json: [{ id: G, name: 'x', permissions: 8 }] } });
    expect(await errorOf(connector.listCommunities(null))).toMatchObject({ class: 'invalid', detail: expect.stringContaining('0.permissions') });
  });

  it('refuses a cursor made by another feed', async () => {
    const page = await connector.listCommunities(null);
    expect(await errorOf(connector.pullReports(page.next))).toMatchObject({ class: 'invalid', reason: 'cursor-expired' });
  });
});
