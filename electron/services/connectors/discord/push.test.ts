import { isConnectorFailure, type JoinDecision } from '@shared/connectors';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDiscordConnector, type DiscordConnector } from './connector';
import { BOT_TOKEN, FakeDiscord } from '../../../../test/platforms/discord/fake-discord-server';
import { nonceFor } from './ids';

let fake: FakeDiscord;
let connector: DiscordConnector;
const G = '100000000000000001';
const C = '200000000000000001';
const U = '300000000000000001';
const V = '300000000000000002';
const W = '300000000000000003';
beforeEach(async () => {
  fake = await FakeDiscord.start();
  fake.addGuild({ id: G, name: 'Gardeners', features: ['MEMBER_VERIFICATION_GATE_ENABLED', 'MEMBER_VERIFICATION_MANUAL_APPROVAL'], channels: [{ id: C, type: 0, name: 'general' }] });
  connector = createDiscordConnector({ baseUrl: `${fake.url}?joinRequests=1`, token: BOT_TOKEN });
});
afterEach(() => fake.close());

const key = { idempotencyKey: 'push-1' };
const failureOf = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => (isConnectorFailure(e) ? e.error : e));
const last = () => fake.requestLog.at(-1);
const sent = () => fake.requestLog.map((r) => `${r.method} ${r.path.replace('/api/v10', '')}`);

describe('join requests', () => {
  const decision = (id: string, overrides: Partial<JoinDecision> = {}): JoinDecision => ({ requestExternalId: id, communityExternalId: G, version: 'SUBMITTED', decision: 'approve', reason: null, ban: false, ...overrides });

  it('approves and rejects with PATCH, with the rejection reason and an optional ban', async () => {
    const a = fake.apply(G, { id: U, username: 'a' });
    const b = fake.apply(G, { id: V, username: 'b' });
    expect(await connector.decideJoinRequest(decision(a.id), key)).toMatchObject({ status: 'applied', externalId: a.id });
    expect(last()?.body).toEqual({ action: 'APPROVED' });
    expect(await connector.decideJoinRequest(decision(b.id, { decision: 'decline', reason: 'spam account', ban: true }), key)).toMatchObject({ status: 'applied' });
    expect(sent().slice(-2)).toEqual([`PATCH /guilds/${G}/requests/${b.id}`, `PUT /guilds/${G}/bans/${V}`]);
    expect(fake.requestLog.at(-2)?.body).toEqual({ action: 'REJECTED', rejection_reason: 'spam account' });
    expect(fake.bans.has(`${G}:${V}`)).toBe(true);
  });

  it('reads a request decided by someone else (returned unchanged) as already-handled, naming them', async () => {
    const a = fake.apply(G, { id: U, username: 'a' });
    fake.decideElsewhere(a.id, 'REJECTED');
    expect(await connector.decideJoinRequest(decision(a.id), key)).toEqual({ status: 'already-handled', currentState: 'declined', by: expect.objectContaining({ name: 'Dana' }) });
    fake.decideElsewhere(a.id, 'APPROVED');
    expect((await connector.decideJoinRequest(decision(a.id), key)).status).toBe('already-handled');
    expect(await failureOf(connector.decideJoinRequest(decision('400000000000000404'), key))).toEqual({ class: 'not-found', what: 'request' });
  });
});

describe('moderation', () => {
  const member = { communityExternalId: G, personExternalId: U };

  it('deletes a message with an audit-log reason; a second delete is already-handled', async () => {
    const id = fake.postMessage(C);
    const remove = { type: 'removeMessage', communityExternalId: `${G}/${C}`, messageExternalId: id, reason: 'spam link ✓' } as const;
    expect((await connector.moderate(remove, key)).status).toBe('applied');
    expect(last()?.headers['x-audit-log-reason']).toBe(encodeURIComponent('spam link ✓'));
    expect(await connector.moderate(remove, key)).toEqual({ status: 'already-handled', currentState: 'already deleted' });
    expect(await failureOf(connector.moderate({ ...remove, communityExternalId: G }, key))).toMatchObject({ class: 'invalid' });
  });

  it('bulk-deletes 2–100 recent messages, and refuses locally when one is older than 14 days', async () => {
    const recent = [fake.postMessage(C), fake.postMessage(C), fake.postMessage(C)];
    const bulk = { type: 'removeMessages', communityExternalId: `${G}/${C}`, messageExternalIds: recent, reason: null } as const;
    expect((await connector.moderate(bulk, key)).status).toBe('applied');
    expect(last()?.body).toEqual({ messages: recent });
    const before = fake.requestLog.length;
    const old = fake.postMessage(C, 15 * 86_400_000);
    expect(await failureOf(connector.moderate({ ...bulk, messageExternalIds: [fake.postMessage(C), old] }, key))).toMatchObject({ class: 'invalid', detail: expect.stringContaining('14 days') });
    expect(fake.requestLog.length).toBe(before);
    const single = fake.postMessage(C);
    await connector.moderate({ ...bulk, messageExternalIds: [single, single] }, key);
    expect(sent().at(-1)).toBe(`DELETE /channels/${C}/messages/${single}`);
    expect(await failureOf(connector.moderate({ ...bulk, messageExternalIds: Array.from({ length: 101 }, () => fake.postMessage(C)) }, key))).toMatchObject({ class: 'invalid' });
  });

  it('kicks (a member already gone is already-handled), times out within 28 days', async () => {
    fake.members.add(`${G}:${U}`);
    expect((await connector.moderate({ type: 'kick', ...member, reason: null }, key)).status).toBe('applied');
    expect(await connector.moderate({ type: 'kick', ...member, reason: null }, key)).toEqual({ status: 'already-handled', currentState: 'not a member' });
    const until = Date.now() + 3_600_000;
    await connector.moderate({ type: 'mute', ...member, until, reason: null }, key);
    expect(last()?.body).toEqual({ communication_disabled_until: new Date(until).toISOString() });
    expect(await failureOf(connector.moderate({ type: 'mute', ...member, until: Date.now() + 29 * 86_400_000, reason: null }, key))).toMatchObject({ class: 'invalid' });
    expect(await failureOf(connector.moderate({ type: 'mute', ...member, until: null, reason: null }, key))).toMatchObject({ reason: 'unsupported' });
  });

  it('bans with delete_message_seconds; a user banned already is already-handled without a PUT', async () => {
    const ban = { type: 'ban', ...member, until: null, deleteHistorySeconds: 999_999, reason: 'raid' } as const;
    expect((await connector.moderate(ban, key)).status).toBe('applied');
    expect(last()?.body).toEqual({ delete_message_seconds: 604_800 });
    expect(await connector.moderate(ban, key)).toEqual({ status: 'already-handled', currentState: 'banned' });
    expect(sent().filter((s) => s.startsWith('PUT'))).toHaveLength(1);
    expect(await failureOf(connector.moderate({ ...ban, until: Date.now() + 86_400_000 }, key))).toMatchObject({ reason: 'unsupported' });
  });

  it('bulk-bans with a partial outcome, and all-failed (code 500000) as partial too', async () => {
    fake.protectedUsers.add(V);
    fake.bans.add(`${G}:${W}`);
    const outcome = await connector.bulkBan({ communityExternalId: G, personExternalIds: [U, V, W], deleteHistorySeconds: 3600, reason: 'raid' });
    expect(outcome).toMatchObject({ status: 'partial', succeeded: [U], failed: [{ id: V, error: { class: 'invalid' } }, { id: W, error: { class: 'invalid' } }] });
    expect(fake.requestLog.at(-1)?.body).toEqual({ user_ids: [U, V, W], delete_message_seconds: 3600 });
    expect(await connector.bulkBan({ communityExternalId: G, personExternalIds: [V, W], deleteHistorySeconds: 0, reason: null })).toMatchObject({ status: 'partial', succeeded: [], failed: [{ id: V }, { id: W }] });
  });
});

describe('announcements', () => {
  it('sends with nonce + enforce_nonce, so a retry with the same key returns the same message', async () => {
    const post = { communityExternalId: `${G}/${C}`, text: 'Seed swap on Sunday' };
    const first = await connector.sendAnnouncement(post, key);
    expect(first).toMatchObject({ status: 'applied', url: `https://discord.com/channels/${G}/${C}/${first.status === 'applied' ? first.externalId : ''}` });
    expect(last()?.body).toEqual({ content: 'Seed swap on Sunday', nonce: nonceFor('push-1'), enforce_nonce: true, allowed_mentions: { parse: [] } });
    expect(nonceFor('push-1')).toHaveLength(25);
    const retry = await connector.sendAnnouncement(post, key);
    expect(retry.status === 'applied' && retry.externalId).toBe(first.status === 'applied' && first.externalId);
    expect(fake.messages.size).toBe(1);
  });

  it('edits and deletes; refuses a server (not a channel) and text over 2000 characters; cannot reconcile', async () => {
    const sent = await connector.sendAnnouncement({ communityExternalId: `${G}/${C}`, text: 'v1' }, key);
    const target = { communityExternalId: `${G}/${C}`, messageExternalId: sent.status === 'applied' ? (sent.externalId ?? '') : '' };
    expect((await connector.editAnnouncement({ ...target, text: 'v2' }, key)).status).toBe('applied');
    expect(fake.messages.get(target.messageExternalId)?.content).toBe('v2');
    expect((await connector.deleteAnnouncement(target, key)).status).toBe('applied');
    expect((await connector.deleteAnnouncement(target, key)).status).toBe('already-handled');
    expect(await failureOf(connector.sendAnnouncement({ communityExternalId: G, text: 'x' }, key))).toMatchObject({ class: 'invalid' });
    expect(await failureOf(connector.sendAnnouncement({ communityExternalId: `${G}/${C}`, text: 'x'.repeat(2001) }, key))).toMatchObject({ class: 'invalid' });
    expect(await connector.reconcile('push-1')).toEqual({ state: 'unknown' });
  });
});

describe('warn, unban and unmute', () => {
  const member = { communityExternalId: `${G}/${C}`, personExternalId: U };

  it('warns by DM (the DM channel first, then a nonce-deduplicated message with a link to the message)', async () => {
    const id = fake.postMessage(C);
    const outcome = await connector.moderate({ type: 'warn', ...member, messageExternalId: id, text: 'No ads, please' }, key);
    expect(outcome.status).toBe('applied');
    expect(sent().slice(-2)).toEqual(['POST /users/@me/channels', expect.stringMatching(/^POST \/channels\/\d+\/messages$/)]);
    expect(fake.requestLog.at(-2)?.body).toEqual({ recipient_id: U });
    expect(last()?.body).toEqual({ content: `No ads, please\n\nAbout: https://discord.com/channels/${G}/${C}/${id}`, nonce: nonceFor('push-1'), enforce_nonce: true, allowed_mentions: { parse: [] } });
    // A retry with the same key gets the first message back from Discord: one DM.
    await connector.moderate({ type: 'warn', ...member, messageExternalId: id, text: 'No ads, please' }, key);
    expect([...fake.messages.values()].filter((m) => m.content.startsWith('No ads'))).toHaveLength(1);
  });

  it('reads closed DMs (403, 50007) as this push refused, never as a revoked token', async () => {
    fake.dmsClosed.add(U);
    const failure = await failureOf(connector.moderate({ type: 'warn', ...member, messageExternalId: null, text: 'Be kind' }, key));
    expect(failure).toMatchObject({ class: 'invalid', detail: expect.stringMatching(/does not accept direct messages.*50007/) });
  });

  it('unbans with DELETE (not banned: already-handled) and unmutes by clearing the timeout', async () => {
    fake.bans.add(`${G}:${U}`);
    expect((await connector.moderate({ type: 'unban', ...member }, key)).status).toBe('applied');
    expect(sent().at(-1)).toBe(`DELETE /guilds/${G}/bans/${U}`);
    expect(fake.bans.has(`${G}:${U}`)).toBe(false);
    expect(await connector.moderate({ type: 'unban', ...member }, key)).toEqual({ status: 'already-handled', currentState: 'not banned' });

    fake.timeouts.set(`${G}:${U}`, new Date(Date.now() + 60_000).toISOString());
    expect((await connector.moderate({ type: 'unmute', ...member }, key)).status).toBe('applied');
    expect(last()).toMatchObject({ method: 'PATCH', path: `/api/v10/guilds/${G}/members/${U}`, body: { communication_disabled_until: null } });
    expect(fake.timeouts.get(`${G}:${U}`)).toBeNull();
  });
});
