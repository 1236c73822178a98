import { afterEach, beforeEach, expect, it } from 'vitest';
import { FakeDiscourse } from '../../platforms/discourse/fake-discourse-server';
import { announce, drained, eventually, removeDataDir, rows, startPlatformApp, type PlatformApp } from './app';
import type { AlertRuleDefinition } from '@shared/flags/alert-rule-schema';

/**
 * Issue 7's done-means for Discourse, through the whole app: the test site, the real
 * services on a real data folder, and only contract calls.
 */
const KEY = 'dc0ffee'.repeat(9).slice(0, 64);
let fake: FakeDiscourse;
let app: PlatformApp;
beforeEach(async () => {
  fake = await FakeDiscourse.start();
  fake.apiKey = KEY;
  fake.addUser({ id: 2, username: 'modbot', staff: true });
  app = await startPlatformApp();
});
afterEach(async () => {
  await app.stop();
  await fake.close();
  removeDataDir(app.dataDir);
});

it('connects, syncs, approves, removes, bans, announces and edits: each request once, with Api-Key and Api-Username', async () => {
  fake.addUser({ id: 50, username: 'spammer' });
  fake.addUser({ id: 51, username: 'alice' });
  fake.addUser({ id: 52, username: 'raider' });
  fake.addUser({ id: 60, username: 'newbie', name: 'New Bie' });
  fake.addPost(301, 'buy pills');
  fake.addPost(302, 'join my raid');
  fake.addReviewable({ id: 1, type: 'ReviewableFlaggedPost', userId: 50, categoryId: 5, postId: 301, raw: 'buy pills', reporters: [{ userId: 51, reason: 'spam' }], actions: ['agree_and_hide', 'disagree'] });
  fake.addReviewable({ id: 2, type: 'ReviewableFlaggedPost', userId: 52, categoryId: 5, postId: 302, raw: 'join my raid', reporters: [{ userId: 51, reason: 'raid' }], actions: ['agree_and_hide', 'disagree'] });
  fake.addReviewable({ id: 3, type: 'ReviewableUser', userId: 60, actions: ['approve_user', 'reject_user_delete'] });

  const connection = await app.call('connections.add', { kind: 'discourse', name: 'Forum', baseUrl: fake.url, token: KEY, username: 'modbot' });
  expect(connection).toMatchObject({ kind: 'discourse', state: 'active' });
  const communities = await eventually(() => rows.communities(app), (list) => list.some((c) => c.name === 'Announcements'), 'the categories to sync');
  const [request] = await eventually(() => rows.joinRequests(app), (list) => list.length === 1, 'the signup to sync');
  const flags = await eventually(() => rows.flagged(app), (list) => list.length === 2, 'both flags to sync');
  const flagOf = (excerpt: string) => flags.find((f) => f.excerpt.includes(excerpt))?.id ?? '';
  const before = fake.requestLog.length;

  await app.call('joinRequests.decide', { target: { kind: 'ids', ids: [request?.id ?? ''] }, decision: 'approve' });
  await app.call('flagged.decide', { target: { kind: 'ids', ids: [flagOf('buy pills')] }, action: { kind: 'remove' } });
  await app.call('flagged.decide', { target: { kind: 'ids', ids: [flagOf('join my raid')] }, action: { kind: 'ban', scope: { kind: 'flag-community' } } });
  const category = communities.find((c) => c.name === 'Announcements')?.id ?? '';
  const announcementId = await announce(app, [category], 'Seed swap on Saturday\n\nBring your spare seeds.');
  await app.call('announcements.edit', { id: announcementId, content: { body: 'Seed swap on Sunday\n\nBring your spare seeds.', variants: {} } });
  expect((await drained(app)).filter((row) => row.state !== 'done')).toEqual([]);

  const sent = fake.requestLog.slice(before);
  for (const r of sent) expect([r.headers['api-key'], r.headers['api-username']]).toEqual([KEY, 'modbot']);
  const writes = sent.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}${r.query.size ? `?${r.query}` : ''}`);
  expect(writes.sort()).toEqual(
    [
      'PUT /review/3/perform/approve_user.json?version=1',
      'DELETE /posts/301.json',
      'PUT /review/1/perform/agree_and_hide.json?version=1',
      'PUT /admin/users/52/suspend.json',
      'PUT /review/2/perform/agree_and_hide.json?version=1',
      'POST /posts.json',
      `PUT /posts/900.json`,
    ].sort(),
  );
  const body = (method: string, path: string) => sent.find((r) => r.method === method && r.path === path)?.body;
  expect(body('PUT', '/admin/users/52/suspend.json')).toMatchObject({ suspend_until: expect.stringMatching(/^\d{4}-/), reason: expect.any(String) });
  expect(body('POST', '/posts.json')).toMatchObject({ title: 'Seed swap on Saturday', raw: 'Seed swap on Saturday\n\nBring your spare seeds.', category: 5, external_id: expect.stringMatching(/^modboard-/) });
  expect(body('PUT', '/posts/900.json')).toEqual({ post: { raw: 'Seed swap on Sunday\n\nBring your spare seeds.' } });
  expect(fake.reviewables.get(3)?.status).toBe(1);
  expect(fake.posts.get(301)?.deleted).toBe(true);
  expect(fake.users.get(52)?.suspended).toBe(true);
});

it('flags a new post an alert rule matches, from the latest posts, once, and deletes it', async () => {
  // Main enables an alert rule only after a backtest of it (as the panel runs one).
  const rule = { name: 'Pills', match: { kind: 'keywords', words: ['pills'], match: 'any' } } satisfies AlertRuleDefinition;
  await app.call('alertRules.backtest', { definition: rule });
  await app.call('alertRules.save', { definition: rule, enabled: true });
  fake.memberPost({ id: 70, username: 'gardener' }, 'Tomatoes are early this year', { categoryId: 5 });
  await app.call('connections.add', { kind: 'discourse', name: 'Forum', baseUrl: fake.url, token: KEY, username: 'modbot' });
  await eventually(() => rows.communities(app), (list) => list.some((c) => c.name === 'Announcements'), 'the categories to sync');
  const spam = fake.memberPost({ id: 71, username: 'pillpusher', name: 'P. Pusher' }, 'Cheap PILLS, no prescription', { categoryId: 5 });
  await app.call('sync.runNow', {});
  const [flag] = await eventually(() => rows.flagged(app), (list) => list.length === 1, 'the alert-rule match to sync');
  expect(flag).toMatchObject({ source: 'rule', excerpt: 'Cheap PILLS, no prescription' });
  await app.call('sync.runNow', {});
  await eventually(() => app.call('sync.overview', {}), (overview) => !overview.running, 'the sync to finish');
  expect(await rows.flagged(app)).toHaveLength(1);

  const before = fake.requestLog.length;
  await app.call('flagged.decide', { target: { kind: 'ids', ids: [flag?.id ?? ''] }, action: { kind: 'remove' } });
  expect((await drained(app)).filter((row) => row.state !== 'done')).toEqual([]);
  const deletes = fake.requestLog.slice(before).filter((r) => r.method === 'DELETE').map((r) => r.path);
  expect(deletes).toEqual([`/posts/${spam}.json`]);
  expect(fake.posts.get(spam)?.deleted).toBe(true);
});
