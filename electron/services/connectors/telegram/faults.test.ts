import { isConnectorFailure, type Connector, type ConnectorError } from '@shared/connectors';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTelegramConnector } from './connector';
import { FakeTelegram } from '../../../../test/platforms/telegram/fake-telegram-server';

let fake: FakeTelegram;
let connector: Connector;
const messages: string[] = [];
beforeEach(async () => {
  fake = await FakeTelegram.start();
  fake.addChat({ id: -1001, type: 'supergroup', title: 'Gardening' });
  connector = createTelegramConnector({ baseUrl: fake.url, token: fake.token }, { longPollSeconds: 0, timeoutMs: 300 });
});
afterEach(() => fake.close());

async function errorOf(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!isConnectorFailure(error)) throw new Error(`expected a ConnectorFailure, got ${String(error)}`);
  messages.push(error.message);
  return error.error;
}

const tgError = (status: number, description: string, parameters?: object) => ({ status, json: { ok: false, error_code: status, description, ...(parameters ? { parameters } : {}) } });
const send = () => connector.sendAnnouncement({ communityExternalId: '-1001', text: 'hello' }, { idempotencyKey: 'k' });

describe('rate limits', () => {
  it('reads parameters.retry_after: a message flood is the chat’s, anything else the whole bot’s', async () => {
    fake.inject({ reply: tgError(429, 'Too Many Requests: retry after 7', { retry_after: 7 }), times: 2 });
    expect(await errorOf(send())).toEqual({ class: 'rate-limited', retryAfterMs: 7_000, scope: 'target', bucket: 'chat:-1001' });
    expect(await errorOf(connector.pullJoinRequests(null))).toEqual({ class: 'rate-limited', retryAfterMs: 7_000, scope: 'account' });
  });
});

describe('auth and access', () => {
  it('maps 401 (revoked token) and 404 (malformed token) to auth', async () => {
    const stranger = createTelegramConnector({ baseUrl: fake.url, token: '999:not-mine' }, { longPollSeconds: 0 });
    expect(await errorOf(stranger.verifyAuth())).toEqual({ class: 'auth', reason: 'invalid-token' });
    fake.inject({ reply: tgError(404, 'Not Found') });
    expect(await errorOf(connector.verifyAuth())).toEqual({ class: 'auth', reason: 'invalid-token' });
  });

  it('does not pause the connection when one chat kicked the bot or withheld a right', async () => {
    fake.inject({ reply: tgError(403, 'Forbidden: bot was kicked from the supergroup chat') });
    expect(await errorOf(send())).toEqual({ class: 'not-found', what: 'community' });
    fake.inject({ reply: tgError(400, 'Bad Request: not enough rights to restrict/unrestrict chat member') });
    expect(await errorOf(connector.moderate({ type: 'mute', communityExternalId: '-1001', personExternalId: '5', until: null, reason: null }, { idempotencyKey: 'k' }))).toMatchObject({ class: 'invalid' });
    expect(await errorOf(connector.sendAnnouncement({ communityExternalId: '-4040', text: 'x' }, { idempotencyKey: 'k' }))).toEqual({ class: 'not-found', what: 'community' });
  });

  it('explains a 409 from getUpdates (a webhook or another poller)', async () => {
    fake.inject({ reply: tgError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first") });
    expect(await errorOf(connector.pullJoinRequests(null))).toMatchObject({ class: 'invalid', detail: expect.stringContaining('webhook') });
  });
});

describe('transient and malformed answers', () => {
  it('maps 5xx, an HTML gateway page and a held request to transient', async () => {
    fake.inject({ reply: tgError(500, 'Internal Server Error') });
    expect(await errorOf(connector.pullReports(null))).toMatchObject({ class: 'transient', detail: expect.stringContaining('HTTP 500') });
    fake.inject({ reply: { status: 502, text: '<html>Bad Gateway</html>' } });
    expect(await errorOf(connector.pullReports(null))).toMatchObject({ class: 'transient' });
    fake.inject({ reply: { hold: true } });
    expect(await errorOf(connector.pullReports(null))).toEqual({ class: 'transient', detail: 'no answer within 300 ms' });
  });

  it('maps truncated JSON to transient and wrongly typed JSON to invalid, never a half-read page', async () => {
    fake.requestToJoin(-1001, { id: 1, is_bot: false, first_name: 'A' });
    fake.inject({ reply: { status: 200, text: '{"ok":true,"result":[{"update_id":5' } });
    expect(await errorOf(connector.pullJoinRequests(null))).toMatchObject({ class: 'transient' });
    fake.inject({ reply: { status: 200, json: { ok: true, result: [{ update_id: '5', chat_join_request: {} }] } } });
    expect(await errorOf(connector.pullJoinRequests(null))).toMatchObject({ class: 'invalid', detail: expect.stringContaining('getUpdates result') });
    expect((await connector.pullJoinRequests(null)).items).toHaveLength(1);
  });

  it('never puts the bot token in an error message', () => {
    expect(messages.length).toBeGreaterThan(5);
    expect(messages.filter((m) => m.includes(fake.token) || m.includes('TEST-token'))).toEqual([]);
  });
});
