import { afterEach, beforeEach, expect, it } from 'vitest';
import { FakeTelegram } from '../../platforms/telegram/fake-telegram-server';
import type { TgUser } from '@services/connectors/telegram/wire';
import { announce, drained, eventually, removeDataDir, rows, startPlatformApp, type PlatformApp } from './app';
import type { AlertRuleDefinition } from '@shared/flags/alert-rule-schema';

/**
 * Issue 7's done-means for Telegram, through the whole app: the Bot API test server,
 * the real services on a real data folder, and only contract calls.
 */
let fake: FakeTelegram;
let app: PlatformApp;
beforeEach(async () => {
  fake = await FakeTelegram.start('424242:AAH-platform-test-token_telegram');
  app = await startPlatformApp();
});
afterEach(async () => {
  await app.stop();
  await fake.close();
  removeDataDir(app.dataDir);
});

const user = (id: number, first_name: string): TgUser => ({ id, is_bot: false, first_name });
const CHAT = -1001234567890;

it('connects, syncs, approves, removes, bans, announces and edits: each request once, in the Bot API shape', async () => {
  fake.addChat({ id: CHAT, type: 'supergroup', title: 'Gardening', username: 'gardening' });
  fake.botAdded(CHAT);
  fake.requestToJoin(CHAT, user(501, 'Robin'), 'I grow tomatoes');
  const spam = fake.post(CHAT, user(777, 'Spammer'), 'cheap watches http://x.example');
  const raid = fake.post(CHAT, user(778, 'Raider'), 'join my channel');
  fake.post(CHAT, user(502, 'Helper'), '/report spam', spam.message_id);
  fake.post(CHAT, user(503, 'Helper 2'), '/report raid', raid.message_id);

  const connection = await app.call('connections.add', { kind: 'telegram', name: 'Our bot', baseUrl: fake.url, token: fake.token });
  expect(connection).toMatchObject({ kind: 'telegram', state: 'active' });
  const [community] = await eventually(() => rows.communities(app), (list) => list.length === 1, 'the chat to sync');
  expect(community).toMatchObject({ name: 'Gardening', platform: 'telegram' });
  const [request] = await eventually(() => rows.joinRequests(app), (list) => list.length === 1, 'the join request to sync');
  const flags = await eventually(() => rows.flagged(app), (list) => list.length === 2, 'both reports to sync');
  const flagOf = (excerpt: string) => flags.find((f) => f.excerpt.includes(excerpt))?.id ?? '';

  await app.call('joinRequests.decide', { target: { kind: 'ids', ids: [request?.id ?? ''] }, decision: 'approve' });
  await app.call('flagged.decide', { target: { kind: 'ids', ids: [flagOf('cheap watches')] }, action: { kind: 'remove' } });
  await app.call('flagged.decide', { target: { kind: 'ids', ids: [flagOf('join my channel')] }, action: { kind: 'ban', scope: { kind: 'flag-community' } } });
  const announcementId = await announce(app, [community?.id ?? ''], 'Seed swap on Saturday');
  await app.call('announcements.edit', { id: announcementId, content: { body: 'Seed swap on Sunday', variants: {} } });
  const outbox = await drained(app);
  expect(outbox.filter((row) => row.state !== 'done')).toEqual([]);

  const pushes = fake.calls().filter((c) => !['getMe', 'getUpdates', 'getChat', 'getChatMemberCount'].includes(c.method));
  expect(pushes).toEqual([
    { method: 'approveChatJoinRequest', params: { chat_id: CHAT, user_id: 501 } },
    { method: 'deleteMessage', params: { chat_id: CHAT, message_id: spam.message_id } },
    { method: 'banChatMember', params: { chat_id: CHAT, user_id: 778, revoke_messages: false } },
    { method: 'sendMessage', params: { chat_id: CHAT, text: 'Seed swap on Saturday' } },
    { method: 'editMessageText', params: { chat_id: CHAT, message_id: expect.any(Number), text: 'Seed swap on Sunday' } },
  ]);
  // The token travels in the path of every call (the Bot API's only auth), as POST with a JSON body.
  for (const request of fake.requestLog) {
    expect(request.method).toBe('POST');
    expect(request.path.startsWith(`/bot${fake.token}/`)).toBe(true);
  }
  expect(fake.members.has(`${CHAT}:501`)).toBe(true);
  expect(fake.messages.has(`${CHAT}:${spam.message_id}`)).toBe(false);
  expect(fake.bans.has(`${CHAT}:778`)).toBe(true);
  expect([...fake.messages.values()].filter((m) => m.text === 'Seed swap on Sunday')).toHaveLength(1);
  const [updated] = await rows.joinRequests(app);
  expect(updated).toMatchObject({ status: 'approved', syncState: 'synced' });
});

it('flags an ordinary group message an alert rule matches, once, among join requests and reports on the same update queue, and removes it', async () => {
  fake.addChat({ id: CHAT, type: 'supergroup', title: 'Gardening', username: 'gardening' });
  fake.botAdded(CHAT);
  // Main enables an alert rule only after a backtest of it (as the panel runs one).
  const rule = { name: 'Scam links', match: { kind: 'link-domains', domains: ['scam.example'] } } satisfies AlertRuleDefinition;
  await app.call('alertRules.backtest', { definition: rule });
  await app.call('alertRules.save', { definition: rule, enabled: true });
  fake.post(CHAT, user(601, 'Sam'), 'good morning');
  fake.requestToJoin(CHAT, user(602, 'Robin'));
  const scam = fake.post(CHAT, user(603, 'Scammer'), 'double your coins at https://www.scam.example/x');
  const rude = fake.post(CHAT, user(604, 'Rude'), 'you are all idiots');
  fake.post(CHAT, user(605, 'Helper'), '/report rude', rude.message_id);

  await app.call('connections.add', { kind: 'telegram', name: 'Our bot', baseUrl: fake.url, token: fake.token });
  const flags = await eventually(() => rows.flagged(app), (list) => list.length === 2, 'the report and the alert-rule match to sync');
  await eventually(() => rows.joinRequests(app), (list) => list.length === 1, 'the join request to sync');
  const ruled = flags.filter((f) => f.source === 'rule');
  expect(ruled.map((f) => f.excerpt)).toEqual(['double your coins at https://www.scam.example/x']);
  // An edit that still matches re-runs the rule on the same message: still one flag.
  fake.editedByMember(CHAT, scam.message_id, 'double your coins at https://scam.example/y');
  await app.call('sync.runNow', {});
  await eventually(() => app.call('sync.overview', {}), (overview) => !overview.running, 'the sync to finish');
  expect((await rows.flagged(app)).filter((f) => f.source === 'rule')).toHaveLength(1);

  await app.call('flagged.decide', { target: { kind: 'ids', ids: [ruled[0]?.id ?? ''] }, action: { kind: 'remove' } });
  expect((await drained(app)).filter((row) => row.state !== 'done')).toEqual([]);
  expect(fake.calls().filter((c) => c.method === 'deleteMessage')).toEqual([{ method: 'deleteMessage', params: { chat_id: CHAT, message_id: scam.message_id } }]);
  expect(fake.messages.has(`${CHAT}:${scam.message_id}`)).toBe(false);
});
