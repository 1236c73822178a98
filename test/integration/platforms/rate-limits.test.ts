import { afterEach, expect, it } from 'vitest';
import { BOT_TOKEN, FakeDiscord } from '../../platforms/discord/fake-discord-server';
import { FakeDiscourse } from '../../platforms/discourse/fake-discourse-server';
import { FakeTelegram } from '../../platforms/telegram/fake-telegram-server';
import type { LoopbackRequest } from '../../platforms/loopback';
import { drained, eventually, removeDataDir, rows, startPlatformApp, syncNow, type PlatformApp } from './app';

/**
 * Under each platform's 429s, nothing reaches the platform before the wait it asked
 * for, measured on the test server's own clock of arrivals. Discord also states its
 * limits before enforcing them: a route bucket's `Remaining: 0` + `Reset-After`, and
 * the bot-wide global limit; both are kept.
 */
let app: PlatformApp | undefined;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await app?.stop();
  for (const close of closers.splice(0)) await close();
  if (app) removeDataDir(app.dataDir);
  app = undefined;
});

/** Starts the app, connects, and waits for `pending` join requests to be in the queue. */
async function connected(input: Parameters<PlatformApp['call']>[1] & object, pending: number): Promise<{ running: PlatformApp; ids: string[] }> {
  const running = await startPlatformApp();
  app = running;
  await running.call('connections.add', input as never);
  const list = await eventually(() => rows.joinRequests(running), (l) => l.length === pending, 'the join requests to sync');
  await syncNow(running);
  return { running, ids: list.map((r) => r.id) };
}

/** Every request that arrived after `limited` came at least `waitMs` after it. */
function expectNothingEarly(log: readonly LoopbackRequest[], limited: LoopbackRequest, waitMs: number): number {
  const after = log.slice(log.indexOf(limited) + 1);
  expect(after.length).toBeGreaterThan(0);
  const gap = Math.min(...after.map((r) => r.at - limited.at));
  expect(gap).toBeGreaterThanOrEqual(waitMs);
  return gap;
}

it('Telegram: parameters.retry_after holds every call back, then each decision lands once', async () => {
  const fake = await FakeTelegram.start();
  closers.push(() => fake.close());
  fake.addChat({ id: -1001, type: 'supergroup', title: 'Gardening' });
  fake.botAdded(-1001);
  for (const id of [501, 502, 503]) fake.requestToJoin(-1001, { id, is_bot: false, first_name: `User ${id}` });
  const { running, ids } = await connected({ kind: 'telegram', name: 'Bot', baseUrl: fake.url, token: fake.token }, 3);
  fake.inject({
    when: (r) => r.path.endsWith('/approveChatJoinRequest'),
    reply: { status: 429, json: { ok: false, error_code: 429, description: 'Too Many Requests: retry after 2', parameters: { retry_after: 2 } } },
  });
  await running.call('joinRequests.decide', { target: { kind: 'ids', ids }, decision: 'approve' });
  await drained(running);
  const approvals = fake.requestLog.filter((r) => r.path.endsWith('/approveChatJoinRequest'));
  expect(approvals).toHaveLength(4);
  expectNothingEarly(fake.requestLog, approvals[0] as LoopbackRequest, 2_000);
  expect([...fake.members].sort()).toEqual(['-1001:501', '-1001:502', '-1001:503']);
});

it('Discourse: Retry-After on a 429 holds every call of the key back', async () => {
  const fake = await FakeDiscourse.start();
  closers.push(() => fake.close());
  for (const id of [60, 61]) {
    fake.addUser({ id, username: `newbie${id}` });
    fake.addReviewable({ id, type: 'ReviewableUser', userId: id, actions: ['approve_user'] });
  }
  const { running, ids } = await connected({ kind: 'discourse', name: 'Forum', baseUrl: fake.url, token: fake.apiKey }, 2);
  fake.inject({
    when: (r) => r.method === 'PUT',
    reply: {
      status: 429,
      json: { errors: ['You’ve performed this action too many times. Please wait 2 seconds before trying again.'], error_type: 'rate_limit', extras: { wait_seconds: 2, time_left: '2 seconds' } },
      headers: { 'retry-after': '2', 'discourse-rate-limit-error-code': 'admin_api_key_rate_limit' },
    },
  });
  await running.call('joinRequests.decide', { target: { kind: 'ids', ids }, decision: 'approve' });
  await drained(running);
  const limited = fake.requestLog.find((r) => r.method === 'PUT') as LoopbackRequest;
  expectNothingEarly(fake.requestLog, limited, 2_000);
  expect(fake.requestLog.filter((r) => r.method === 'PUT').map((r) => r.path).sort()).toEqual([
    '/review/60/perform/approve_user.json',
    '/review/60/perform/approve_user.json',
    '/review/61/perform/approve_user.json',
  ]);
});

const G = '100000000000000001';
async function discord(applications: number): Promise<{ fake: FakeDiscord; running: PlatformApp; ids: string[] }> {
  const fake = await FakeDiscord.start();
  closers.push(() => fake.close());
  fake.addGuild({ id: G, name: 'Gardeners', features: ['MEMBER_VERIFICATION_GATE_ENABLED', 'MEMBER_VERIFICATION_MANUAL_APPROVAL'], channels: [{ id: '200000000000000001', type: 0, name: 'general' }] });
  for (let i = 1; i <= applications; i++) fake.apply(G, { id: String(300000000000000000n + BigInt(i)), username: `applicant${i}` });
  const { running, ids } = await connected({ kind: 'discord', name: 'Bot', baseUrl: fake.url, token: BOT_TOKEN, joinRequests: true }, applications);
  return { fake, running, ids };
}

it('Discord: a per-route bucket (X-RateLimit-Remaining 0, Reset-After) is waited out before Discord has to refuse', async () => {
  const { fake, running, ids } = await discord(6);
  fake.limits.routes.push({ route: /^PATCH \/guilds\/\d+\/requests\/\d+$/, bucket: '41f9cd5d28af77da04563bcb1d67fdfd', limit: 2, windowMs: 1_000 });
  const started = Date.now();
  await running.call('joinRequests.decide', { target: { kind: 'ids', ids }, decision: 'approve' });
  await drained(running);
  const patches = fake.requestLog.filter((r) => r.method === 'PATCH');
  expect(patches).toHaveLength(6);
  // The fake enforces the bucket: not one request arrived while it was empty.
  expect(fake.limits.refused).toEqual([]);
  // Two per window: the third and fifth each waited for a reset.
  expect((patches[2] as LoopbackRequest).at - (patches[0] as LoopbackRequest).at).toBeGreaterThanOrEqual(1_000 - 5);
  expect((patches[4] as LoopbackRequest).at - (patches[2] as LoopbackRequest).at).toBeGreaterThanOrEqual(1_000 - 5);
  expect(Date.now() - started).toBeLessThan(10_000);
  expect([...fake.requests.values()].every((r) => r.application_status === 'APPROVED')).toBe(true);
});

it('Discord: a global 429 (X-RateLimit-Global) holds back every route, not just the one refused', async () => {
  const { fake, running, ids } = await discord(2);
  const [first, second] = ids;
  fake.inject({
    when: (r) => r.method === 'PATCH',
    reply: { status: 429, json: { message: 'You are being rate limited.', retry_after: 1.5, global: true }, headers: { 'retry-after': '2', 'x-ratelimit-global': 'true', 'x-ratelimit-scope': 'global' } },
  });
  await running.call('joinRequests.decide', { target: { kind: 'ids', ids: [first ?? ''] }, decision: 'approve' });
  const limited = await eventually(async () => fake.requestLog.find((r) => r.method === 'PATCH'), (r) => r !== undefined, 'the first approval to be refused');
  // Another route (a decline with a ban: PATCH, then GET and PUT on bans) queued while the bot is globally limited.
  await running.call('joinRequests.decide', { target: { kind: 'ids', ids: [second ?? ''] }, decision: 'decline-ban', reasonText: 'spam' });
  await running.call('sync.runNow', {});
  await drained(running);
  const gap = expectNothingEarly(fake.requestLog, limited as LoopbackRequest, 1_500);
  expect(gap).toBeLessThan(5_000);
  expect(fake.requestLog.filter((r) => r.method === 'PATCH')).toHaveLength(3);
  expect(fake.requestLog.filter((r) => r.method === 'PUT' && r.path.includes('/bans/'))).toHaveLength(1);
});
