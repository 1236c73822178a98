import { afterEach, beforeEach, expect, it } from 'vitest';
import { BOT_TOKEN, FakeDiscord } from '../../platforms/discord/fake-discord-server';
import { announce, drained, eventually, removeDataDir, rows, startPlatformApp, type PlatformApp } from './app';
import type { AlertRuleDefinition } from '@shared/flags/alert-rule-schema';

/**
 * Issue 7's done-means for Discord, through the whole app: the API v10 test server,
 * the real services on a real data folder, and only contract calls.
 */
const G = '100000000000000001';
const C = '200000000000000001';
let fake: FakeDiscord;
let app: PlatformApp;
beforeEach(async () => {
  fake = await FakeDiscord.start();
  fake.addGuild({ id: G, name: 'Gardeners', features: ['MEMBER_VERIFICATION_GATE_ENABLED', 'MEMBER_VERIFICATION_MANUAL_APPROVAL'], channels: [{ id: C, type: 0, name: 'general' }] });
  app = await startPlatformApp();
});
afterEach(async () => {
  await app.stop();
  await fake.close();
  removeDataDir(app.dataDir);
});

it('connects, syncs, approves, removes a member message an alert rule flagged, bans, announces, edits and deletes: each request once, with the Bot token', async () => {
  const applicant = fake.apply(G, { id: '300000000000000001', username: 'robin' });
  fake.automod(G, 144, { id: '300000000000000002', username: 'raider' }, C);
  // Main enables an alert rule only after a backtest of it (as the panel runs one).
  const rule = { name: 'Fake giveaways', match: { kind: 'keywords', words: ['free nitro'], match: 'any' } } satisfies AlertRuleDefinition;
  await app.call('alertRules.backtest', { definition: rule });
  await app.call('alertRules.save', { definition: rule, enabled: true });
  fake.postMessage(C, 60_000, 'good morning gardeners', { id: '300000000000000004', username: 'sam' });
  const spam = fake.postMessage(C, 30_000, 'FREE NITRO for everyone: discord-gift.example', { id: '300000000000000003', username: 'spammer' });

  const connection = await app.call('connections.add', { kind: 'discord', name: 'Gardeners bot', baseUrl: fake.url, token: BOT_TOKEN, joinRequests: true });
  expect(connection).toMatchObject({ kind: 'discord', state: 'active' });
  const communities = await eventually(() => rows.communities(app), (list) => list.some((c) => c.name === '#general'), 'the guild and its channels to sync');
  const [request] = await eventually(() => rows.joinRequests(app), (list) => list.length === 1, 'the member application to sync');
  const flags = await eventually(() => rows.flagged(app), (list) => list.length === 2, 'the AutoMod hit and the alert-rule match to sync');
  const ruled = flags.find((f) => f.source === 'rule');
  expect(ruled).toMatchObject({ excerpt: 'FREE NITRO for everyone: discord-gift.example', source: 'rule' });
  const automod = flags.find((f) => f.source !== 'rule');
  const before = fake.requestLog.length;

  await app.call('joinRequests.decide', { target: { kind: 'ids', ids: [request?.id ?? ''] }, decision: 'approve' });
  await app.call('flagged.decide', { target: { kind: 'ids', ids: [ruled?.id ?? ''] }, action: { kind: 'remove' } });
  await app.call('flagged.decide', { target: { kind: 'ids', ids: [automod?.id ?? ''] }, action: { kind: 'ban', scope: { kind: 'flag-community' } } });
  const channel = communities.find((c) => c.name === '#general')?.id ?? '';
  const announcementId = await announce(app, [channel], 'Seed swap on Saturday');
  await app.call('announcements.edit', { id: announcementId, content: { body: 'Seed swap on Sunday', variants: {} } });
  await drained(app);
  await app.call('announcements.delete', { id: announcementId });
  expect((await drained(app)).filter((row) => row.state !== 'done')).toEqual([]);

  const sent = fake.requestLog.slice(before);
  for (const r of sent) expect(r.headers.authorization).toBe(`Bot ${BOT_TOKEN}`);
  const calls = sent.map((r) => `${r.method} ${r.path.replace('/api/v10', '')}`);
  const message = [...fake.requestLog].reverse().find((r) => r.method === 'DELETE')?.path.split('/').pop() ?? '';
  expect(calls.sort()).toEqual(
    [
      `PATCH /guilds/${G}/requests/${applicant.id}`,
      `DELETE /channels/${C}/messages/${spam}`,
      `GET /guilds/${G}/bans/300000000000000002`,
      `PUT /guilds/${G}/bans/300000000000000002`,
      `POST /channels/${C}/messages`,
      `PATCH /channels/${C}/messages/${message}`,
      `DELETE /channels/${C}/messages/${message}`,
    ].sort(),
  );
  const body = (call: string) => sent.find((r) => `${r.method} ${r.path.replace('/api/v10', '')}` === call)?.body;
  expect(body(`PATCH /guilds/${G}/requests/${applicant.id}`)).toEqual({ action: 'APPROVED' });
  expect(body(`PUT /guilds/${G}/bans/300000000000000002`)).toEqual({ delete_message_seconds: 0 });
  expect(body(`POST /channels/${C}/messages`)).toEqual({ content: 'Seed swap on Saturday', nonce: expect.stringMatching(/^[0-9a-f]{25}$/), enforce_nonce: true, allowed_mentions: { parse: [] } });
  expect(body(`PATCH /channels/${C}/messages/${message}`)).toEqual({ content: 'Seed swap on Sunday' });
  expect(fake.requests.get(applicant.id)?.application_status).toBe('APPROVED');
  expect(fake.bans.has(`${G}:300000000000000002`)).toBe(true);
  expect(fake.messages.has(message)).toBe(false);
  expect(fake.messages.has(spam)).toBe(false);
  expect([...fake.messages.values()].map((m) => m.content)).toEqual(['good morning gardeners']);
});
