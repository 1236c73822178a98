import { isConnectorFailure, type Connector, type JoinDecision } from '@shared/connectors';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTelegramConnector } from './connector';
import { FakeTelegram } from '../../../../test/platforms/telegram/fake-telegram-server';
import type { TgUser } from './wire';

let fake: FakeTelegram;
let connector: Connector;
beforeEach(async () => {
  fake = await FakeTelegram.start();
  fake.addChat({ id: -1001, type: 'supergroup', title: 'Gardening', username: 'gardening' });
  fake.addChat({ id: -1001234567890, type: 'supergroup', title: 'Private garden' });
  connector = createTelegramConnector({ baseUrl: fake.url, token: fake.token }, { longPollSeconds: 0 });
});
afterEach(() => fake.close());

const user = (id: number): TgUser => ({ id, is_bot: false, first_name: `User ${id}` });
const key = { idempotencyKey: 'k' };
const failureOf = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => (isConnectorFailure(e) ? e.error : e));
const decision = (userId: number, overrides: Partial<JoinDecision> = {}): JoinDecision => ({
  requestExternalId: `-1001:${userId}`,
  communityExternalId: '-1001',
  version: null,
  decision: 'approve',
  reason: null,
  ban: false,
  ...overrides,
});
const lastCall = () => fake.calls().at(-1);

describe('join requests', () => {
  it('approves and declines by (chat, user)', async () => {
    fake.requestToJoin(-1001, user(1));
    fake.requestToJoin(-1001, user(2));
    expect(await connector.decideJoinRequest(decision(1), key)).toMatchObject({ status: 'applied' });
    expect(lastCall()).toEqual({ method: 'approveChatJoinRequest', params: { chat_id: -1001, user_id: 1 } });
    expect(await connector.decideJoinRequest(decision(2, { decision: 'decline' }), key)).toMatchObject({ status: 'applied' });
    expect(lastCall()?.method).toBe('declineChatJoinRequest');
  });

  it('maps HIDE_REQUESTER_MISSING and USER_ALREADY_PARTICIPANT to already-handled', async () => {
    expect(await connector.decideJoinRequest(decision(3), key)).toEqual({ status: 'already-handled', currentState: 'request no longer pending' });
    fake.requestToJoin(-1001, user(4));
    fake.members.add('-1001:4');
    expect(await connector.decideJoinRequest(decision(4), key)).toEqual({ status: 'already-handled', currentState: 'already a member' });
  });

  it('declines with a ban by banning first, so a retry still bans', async () => {
    fake.requestToJoin(-1001, user(5));
    expect((await connector.decideJoinRequest(decision(5, { decision: 'decline', ban: true }), key)).status).toBe('applied');
    expect((await connector.decideJoinRequest(decision(5, { decision: 'decline', ban: true }), key)).status).toBe('applied');
    expect(fake.calls().map((c) => c.method)).toEqual(['banChatMember', 'declineChatJoinRequest', 'banChatMember', 'declineChatJoinRequest']);
    expect(fake.bans.has('-1001:5')).toBe(true);
  });
});

describe('moderation', () => {
  it('deletes a message once; deleting it again is already-handled', async () => {
    const message = fake.post(-1001, user(1), 'spam');
    const remove = { type: 'removeMessage', communityExternalId: '-1001', messageExternalId: `-1001:${message.message_id}`, reason: null } as const;
    expect((await connector.moderate(remove, key)).status).toBe('applied');
    expect(await connector.moderate(remove, key)).toEqual({ status: 'already-handled', currentState: 'already deleted' });
  });

  it('bulk-deletes up to 100 messages and refuses more', async () => {
    const ids = [1, 2, 3].map((n) => `-1001:${fake.post(-1001, user(n), 'x').message_id}`);
    expect((await connector.moderate({ type: 'removeMessages', communityExternalId: '-1001', messageExternalIds: ids, reason: null }, key)).status).toBe('applied');
    expect(lastCall()?.params).toEqual({ chat_id: -1001, message_ids: [1, 2, 3] });
    const tooMany = Array.from({ length: 101 }, (_, i) => `-1001:${i + 1}`);
    expect(await failureOf(connector.moderate({ type: 'removeMessages', communityExternalId: '-1001', messageExternalIds: tooMany, reason: null }, key))).toMatchObject({ class: 'invalid' });
  });

  it('kicks with unbanChatMember (no only_if_banned), bans with until_date and revoke_messages, mutes with restrictChatMember', async () => {
    const member = { communityExternalId: '-1001', personExternalId: '9' };
    fake.members.add('-1001:9');
    expect((await connector.moderate({ type: 'kick', ...member, reason: null }, key)).status).toBe('applied');
    expect(lastCall()).toEqual({ method: 'unbanChatMember', params: { chat_id: -1001, user_id: 9 } });
    expect(fake.members.has('-1001:9')).toBe(false);

    const until = Date.now() + 3_600_000;
    await connector.moderate({ type: 'ban', ...member, until, deleteHistorySeconds: 3600, reason: 'raid' }, key);
    expect(lastCall()).toEqual({ method: 'banChatMember', params: { chat_id: -1001, user_id: 9, revoke_messages: true, until_date: Math.ceil(until / 1000) } });
    await connector.moderate({ type: 'ban', ...member, until: null, deleteHistorySeconds: 0, reason: null }, key);
    expect(lastCall()?.params).toEqual({ chat_id: -1001, user_id: 9, revoke_messages: false });

    await connector.moderate({ type: 'mute', ...member, until, reason: null }, key);
    expect(lastCall()).toMatchObject({ method: 'restrictChatMember', params: { user_id: 9, use_independent_chat_permissions: true, until_date: Math.ceil(until / 1000), permissions: { can_send_messages: false } } });
  });

  it('refuses timed bans Telegram would turn permanent, and report resolution it does not have', async () => {
    const ban = { type: 'ban', communityExternalId: '-1001', personExternalId: '9', deleteHistorySeconds: 0, reason: null } as const;
    expect(await failureOf(connector.moderate({ ...ban, until: Date.now() + 5_000 }, key))).toMatchObject({ class: 'invalid' });
    expect(await failureOf(connector.moderate({ ...ban, until: Date.now() + 400 * 86_400_000 }, key))).toMatchObject({ class: 'invalid' });
    expect(await failureOf(connector.moderate({ type: 'resolveReport', reportExternalId: '-1001:1', version: null, resolution: 'dismissed' }, key))).toMatchObject({ class: 'invalid', reason: 'unsupported' });
    expect(fake.calls()).toEqual([]);
  });
});

describe('announcements', () => {
  it('sends, edits and deletes, with the message id and its t.me link', async () => {
    const sent = await connector.sendAnnouncement({ communityExternalId: '-1001', text: 'Seed swap on Sunday' }, key);
    expect(sent).toMatchObject({ status: 'applied', externalId: '-1001:1', url: 'https://t.me/gardening/1' });
    const target = { communityExternalId: '-1001', messageExternalId: '-1001:1' };
    expect((await connector.editAnnouncement({ ...target, text: 'Seed swap on Monday' }, key)).status).toBe('applied');
    expect(await connector.editAnnouncement({ ...target, text: 'Seed swap on Monday' }, key)).toEqual({ status: 'already-handled', currentState: 'unchanged' });
    expect((await connector.deleteAnnouncement(target, key)).status).toBe('applied');
    expect((await connector.deleteAnnouncement(target, key)).status).toBe('already-handled');
    expect(await failureOf(connector.editAnnouncement({ ...target, text: 'late' }, key))).toEqual({ class: 'not-found', what: 'message' });
  });

  it('links private supergroup messages through t.me/c and refuses text over 4096 characters', async () => {
    expect(await connector.sendAnnouncement({ communityExternalId: '-1001234567890', text: 'hi' }, key)).toMatchObject({ url: 'https://t.me/c/1234567890/1' });
    expect(await failureOf(connector.sendAnnouncement({ communityExternalId: '-1001234567890', text: 'x'.repeat(4_097) }, key))).toMatchObject({ class: 'invalid' });
  });

  it('reports a group that became a supergroup as conflict: migrated, with the new id', async () => {
    fake.addChat({ id: -77, type: 'group', title: 'Small' });
    fake.migrate(-77, -1077);
    expect(await failureOf(connector.sendAnnouncement({ communityExternalId: '-77', text: 'hi' }, key))).toEqual({ class: 'conflict', reason: 'migrated', newId: '-1077' });
    expect(await failureOf(connector.decideJoinRequest({ ...decision(1), communityExternalId: '-77' }, key))).toEqual({ class: 'conflict', reason: 'migrated', newId: '-1077' });
  });

  it('cannot tell after a crash whether a send arrived: reconcile is unknown', async () => {
    expect(await connector.reconcile('any-key')).toEqual({ state: 'unknown' });
  });
});

describe('warn, unban and unmute', () => {
  const member = { communityExternalId: '-1001', personExternalId: '9' };

  it('warns with a reply to the removed message (sent even if it is gone), or a message whose label links to the person', async () => {
    const spam = fake.post(-1001, user(9), 'cheap watches');
    const warned = await connector.moderate({ type: 'warn', ...member, messageExternalId: `-1001:${spam.message_id}`, text: 'No ads <b>here</b>' }, key);
    expect(warned).toMatchObject({ status: 'applied', externalId: expect.stringMatching(/^-1001:\d+$/) });
    expect(lastCall()).toEqual({ method: 'sendMessage', params: { chat_id: -1001, text: 'No ads <b>here</b>', reply_parameters: { message_id: spam.message_id, allow_sending_without_reply: true } } });

    await connector.moderate({ type: 'warn', ...member, messageExternalId: null, text: 'Please stay on topic' }, key);
    expect(lastCall()?.params).toEqual({
      chat_id: -1001,
      text: 'Warning: Please stay on topic',
      entities: [{ type: 'text_link', offset: 0, length: 7, url: 'tg://user?id=9' }],
    });
    expect(await failureOf(connector.moderate({ type: 'warn', ...member, messageExternalId: null, text: 'x'.repeat(4_096) }, key))).toMatchObject({ class: 'invalid' });
  });

  it('unbans only if banned (never a kick) and unmutes by passing every permission', async () => {
    fake.members.add('-1001:9');
    await connector.moderate({ type: 'ban', ...member, until: null, deleteHistorySeconds: 0, reason: null }, key);
    expect(await connector.moderate({ type: 'unban', ...member }, key)).toMatchObject({ status: 'applied' });
    expect(lastCall()).toEqual({ method: 'unbanChatMember', params: { chat_id: -1001, user_id: 9, only_if_banned: true } });
    fake.members.add('-1001:9');
    await connector.moderate({ type: 'unban', ...member }, key);
    expect(fake.members.has('-1001:9')).toBe(true);

    expect((await connector.moderate({ type: 'unmute', ...member }, key)).status).toBe('applied');
    const params = lastCall()?.params as { permissions: Record<string, boolean>; use_independent_chat_permissions: boolean };
    expect(lastCall()?.method).toBe('restrictChatMember');
    expect(params.use_independent_chat_permissions).toBe(true);
    expect(Object.values(params.permissions).every((allowed) => allowed)).toBe(true);
    expect(params.permissions).toMatchObject({ can_send_messages: true, can_send_photos: true, can_send_polls: true, can_invite_users: true });
  });
});
