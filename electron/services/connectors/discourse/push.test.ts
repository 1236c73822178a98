import { isConnectorFailure, type Connector, type JoinDecision } from '@shared/connectors';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { externalIdFor } from './announcements';
import { createDiscourseConnector } from './connector';
import { API_KEY, FakeDiscourse } from '../../../../test/platforms/discourse/fake-discourse-server';

let fake: FakeDiscourse;
let connector: Connector;
beforeEach(async () => {
  fake = await FakeDiscourse.start();
  connector = createDiscourseConnector({ baseUrl: fake.url, token: API_KEY });
  fake.addUser({ id: 50, username: 'spammer' });
  fake.addUser({ id: 51, username: 'alice' });
});
afterEach(() => fake.close());

const key = { idempotencyKey: 'k1' };
const failureOf = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => (isConnectorFailure(e) ? e.error : e));
const sent = () => fake.requestLog.map((r) => `${r.method} ${r.path}${r.query.size ? `?${r.query}` : ''}`);
const groupDecision = (decision: 'approve' | 'decline', userId = 201, username = 'tester1'): JoinDecision => ({
  requestExternalId: `grq:41:beta-testers:${userId}:${username}`,
  communityExternalId: 'group:41',
  version: null,
  decision,
  reason: null,
  ban: false,
});

describe('group membership requests', () => {
  it('declines WITHOUT an accept parameter (accept=false would approve) and approves with accept: true', async () => {
    fake.requestGroup(41, { id: 201, username: 'tester1' }, 'hi');
    fake.requestGroup(41, { id: 202, username: 'tester2' }, 'hi');
    expect((await connector.decideJoinRequest(groupDecision('decline'), key)).status).toBe('applied');
    const decline = fake.requestLog.find((r) => r.method === 'PUT');
    expect(decline?.path).toBe('/groups/41/handle_membership_request.json');
    expect(decline?.body).toEqual({ user_id: 201 });
    expect(Object.keys(decline?.body as object)).not.toContain('accept');
    expect(decline?.query.has('accept')).toBe(false);
    expect(fake.groupMembers.has('41:201')).toBe(false);

    expect((await connector.decideJoinRequest(groupDecision('approve', 202, 'tester2'), key)).status).toBe('applied');
    expect(fake.requestLog.filter((r) => r.method === 'PUT').at(-1)?.body).toEqual({ user_id: 202, accept: true });
    expect(fake.groupMembers.has('41:202')).toBe(true);
  });

  it('declines and bans: the group request is declined, then the user is suspended site-wide (a group has no ban)', async () => {
    fake.requestGroup(41, { id: 201, username: 'tester1' }, 'hi');
    fake.addUser({ id: 201, username: 'tester1' });
    const outcome = await connector.decideJoinRequest({ ...groupDecision('decline'), ban: true, reason: 'Spam' }, key);
    expect(outcome.status).toBe('applied');
    const puts = fake.requestLog.filter((r) => r.method === 'PUT');
    expect(puts.map((r) => r.path)).toEqual(['/groups/41/handle_membership_request.json', '/admin/users/201/suspend.json']);
    expect(puts[0]?.body).toEqual({ user_id: 201 });
    expect(puts[1]?.body).toMatchObject({ reason: 'Spam' });
    expect(fake.groupMembers.has('41:201')).toBe(false);

    // A retry after the decline went through (the request is gone) still bans, and sends no second decline.
    const again = await connector.decideJoinRequest({ ...groupDecision('decline'), ban: true, reason: 'Spam' }, key);
    expect(['applied', 'already-handled']).toContain(again.status);
    expect(fake.requestLog.filter((r) => r.method === 'PUT').map((r) => r.path)).toEqual([
      '/groups/41/handle_membership_request.json',
      '/admin/users/201/suspend.json',
      '/admin/users/201/suspend.json',
    ]);
  });

  it('answers already-handled when the request is gone, without sending a decision', async () => {
    expect(await connector.decideJoinRequest(groupDecision('approve'), key)).toEqual({ status: 'already-handled', currentState: 'no longer requested' });
    expect(sent()).toEqual(['GET /groups/beta-testers/members.json?requesters=true&filter=tester1&limit=50']);
  });
});

describe('reviewables', () => {
  const userDecision = (overrides: Partial<JoinDecision> = {}): JoinDecision => ({ requestExternalId: 'rv:7', communityExternalId: 'site', version: '1', decision: 'approve', reason: null, ban: false, ...overrides });
  beforeEach(() => {
    fake.addReviewable({ id: 7, type: 'ReviewableUser', userId: 50, actions: ['approve_user', 'reject_user_delete', 'reject_user_block'] });
    fake.addReviewable({ id: 8, type: 'ReviewableFlaggedPost', userId: 50, postId: 308, actions: ['agree_and_hide', 'agree_and_keep', 'disagree'] });
  });

  it('performs the server_action from bundled_actions with the version the moderator saw', async () => {
    expect((await connector.decideJoinRequest(userDecision(), key)).status).toBe('applied');
    expect(sent()).toEqual(['GET /review/7.json', 'PUT /review/7/perform/approve_user.json?version=1']);
    fake.addReviewable({ id: 9, type: 'ReviewableUser', userId: 51, actions: ['approve_user', 'reject_user_delete', 'reject_user_block'] });
    await connector.decideJoinRequest(userDecision({ requestExternalId: 'rv:9', decision: 'decline', ban: true }), key);
    expect(sent().at(-1)).toBe('PUT /review/9/perform/reject_user_block.json?version=1');
  });

  it('maps a stale version (409) to conflict, and a reviewable decided elsewhere to already-handled', async () => {
    expect(await failureOf(connector.decideJoinRequest(userDecision({ version: '0' }), key))).toEqual({ class: 'conflict', reason: 'stale-version' });
    const reviewable = fake.reviewables.get(7);
    if (reviewable) reviewable.status = 2;
    expect(await connector.decideJoinRequest(userDecision(), key)).toEqual({ status: 'already-handled', currentState: 'rejected' });
    expect(sent().filter((s) => s.startsWith('PUT')).length).toBe(1);
  });

  it('resolves reports: dismissed → disagree, actioned → agree_and_hide; refuses when neither is offered', async () => {
    await connector.moderate({ type: 'resolveReport', reportExternalId: 'rv:8', version: '1', resolution: 'dismissed' }, key);
    expect(sent().at(-1)).toBe('PUT /review/8/perform/disagree.json?version=1');
    fake.addReviewable({ id: 10, type: 'ReviewableFlaggedPost', userId: 50, actions: ['agree_and_keep'] });
    await connector.moderate({ type: 'resolveReport', reportExternalId: 'rv:10', version: '1', resolution: 'actioned' }, key);
    expect(sent().at(-1)).toBe('PUT /review/10/perform/agree_and_keep.json?version=1');
    fake.addReviewable({ id: 11, type: 'ReviewableFlaggedPost', userId: 50, actions: ['agree_and_keep'] });
    expect(await failureOf(connector.moderate({ type: 'resolveReport', reportExternalId: 'rv:11', version: '1', resolution: 'dismissed' }, key))).toMatchObject({ class: 'invalid' });
    expect(await failureOf(connector.moderate({ type: 'resolveReport', reportExternalId: 'rv:999', version: '1', resolution: 'dismissed' }, key))).toEqual({ class: 'not-found', what: 'report' });
  });
});

describe('users and posts', () => {
  const member = { communityExternalId: 'site', personExternalId: '50', reason: 'spam' };

  it('suspends and silences; doing it again is already-handled; a staff target is refused without pausing the connection', async () => {
    const until = Date.UTC(2026, 9, 1);
    expect((await connector.moderate({ type: 'ban', ...member, until, deleteHistorySeconds: 0 }, key)).status).toBe('applied');
    expect(fake.requestLog.at(-1)?.body).toEqual({ suspend_until: new Date(until).toISOString(), reason: 'spam' });
    expect(await connector.moderate({ type: 'ban', ...member, until, deleteHistorySeconds: 0 }, key)).toEqual({ status: 'already-handled', currentState: 'already suspended' });
    expect((await connector.moderate({ type: 'mute', ...member, until: null }, key)).status).toBe('applied');
    expect(fake.requestLog.at(-1)?.body).toEqual({ reason: 'spam' });
    expect((await connector.moderate({ type: 'mute', ...member, until: null }, key)).status).toBe('already-handled');
    expect(await failureOf(connector.moderate({ type: 'ban', ...member, personExternalId: '1', until: null, deleteHistorySeconds: 0 }, key))).toMatchObject({ class: 'invalid' });
  });

  it('deletes a post once; a deleted or missing post is already-handled', async () => {
    fake.addPost(308, 'spam');
    const remove = { type: 'removeMessage', communityExternalId: 'category:5', messageExternalId: 'post:308', reason: null } as const;
    expect((await connector.moderate(remove, key)).status).toBe('applied');
    expect(await connector.moderate(remove, key)).toEqual({ status: 'already-handled', currentState: 'deleted' });
    expect((await connector.moderate({ ...remove, messageExternalId: 'post:404' }, key)).status).toBe('already-handled');
    expect(sent().filter((s) => s.startsWith('DELETE'))).toEqual(['DELETE /posts/308.json']);
    expect(await failureOf(connector.moderate({ type: 'kick', ...member }, key))).toMatchObject({ reason: 'unsupported' });
  });
});

describe('announcements', () => {
  it('creates a topic tagged with an external id, and reconcile finds it by that id', async () => {
    const text = 'Seed swap moved to Sunday\n\nBring labelled envelopes.';
    const outcome = await connector.sendAnnouncement({ communityExternalId: 'category:5', text }, key);
    expect(outcome).toMatchObject({ status: 'applied', externalId: 'post:900', url: `${fake.url}/t/seed-swap/10900` });
    expect(fake.requestLog.at(-1)?.body).toEqual({ title: 'Seed swap moved to Sunday', raw: text, category: 5, external_id: externalIdFor('k1') });
    expect(externalIdFor('k1')).toMatch(/^modboard-[0-9a-f]{40}$/);
    expect(await connector.reconcile('k1')).toMatchObject({ state: 'applied', outcome: { status: 'applied', externalId: 'post:900', url: `${fake.url}/t/seed-swap/10900` } });
    expect(await connector.reconcile('never-sent')).toEqual({ state: 'not-applied' });
    // A retry with the same key (its first answer lost) gets the same topic back, not a second one.
    expect(await connector.sendAnnouncement({ communityExternalId: 'category:5', text }, key)).toMatchObject({ status: 'applied', externalId: 'post:900' });
    expect(fake.posts.size).toBe(1);
  });

  it('edits and deletes the topic’s first post; refuses a group as a target', async () => {
    await connector.sendAnnouncement({ communityExternalId: 'site', text: 'Seed swap moved to Sunday' }, { idempotencyKey: 'k2' });
    const target = { communityExternalId: 'site', messageExternalId: 'post:900' };
    expect((await connector.editAnnouncement({ ...target, text: 'Seed swap moved to Monday' }, key)).status).toBe('applied');
    expect(fake.posts.get(900)?.raw).toBe('Seed swap moved to Monday');
    expect((await connector.deleteAnnouncement(target, key)).status).toBe('applied');
    expect((await connector.deleteAnnouncement(target, key)).status).toBe('already-handled');
    expect(await failureOf(connector.sendAnnouncement({ communityExternalId: 'group:41', text: 'Hello testers of all kinds' }, key))).toMatchObject({ class: 'invalid' });
    expect(await failureOf(connector.sendAnnouncement({ communityExternalId: 'site', text: 'Too short' }, key))).toMatchObject({ class: 'invalid', detail: expect.stringContaining('Title is too short') });
  });
});

describe('warn, unban and unmute', () => {
  const member = { communityExternalId: 'site', personExternalId: '50' };

  it('warns with a private message to the username, once however often it is retried', async () => {
    const outcome = await connector.moderate({ type: 'warn', ...member, messageExternalId: 'post:7', text: 'Please keep it civil.' }, key);
    expect(outcome).toMatchObject({ status: 'applied', externalId: expect.stringMatching(/^post:\d+$/) });
    expect(sent().slice(-2)).toEqual(['GET /admin/users/50.json', 'POST /posts.json']);
    expect(fake.requestLog.at(-1)?.body).toEqual({ title: 'A note from the moderators', raw: 'Please keep it civil.', archetype: 'private_message', target_recipients: 'spammer', external_id: externalIdFor('k1') });
    expect(await connector.moderate({ type: 'warn', ...member, messageExternalId: null, text: 'Please keep it civil.' }, key)).toEqual({ status: 'already-handled', currentState: 'warned' });
    expect([...fake.posts.values()].filter((p) => p.recipients?.includes('spammer'))).toHaveLength(1);
  });

  it('unsuspends and unsilences', async () => {
    await connector.moderate({ type: 'ban', ...member, until: null, deleteHistorySeconds: 0, reason: null }, key);
    await connector.moderate({ type: 'mute', ...member, until: null, reason: null }, key);
    expect((await connector.moderate({ type: 'unban', ...member }, key)).status).toBe('applied');
    expect((await connector.moderate({ type: 'unmute', ...member }, key)).status).toBe('applied');
    expect(sent().slice(-2)).toEqual(['PUT /admin/users/50/unsuspend.json', 'PUT /admin/users/50/unsilence.json']);
    expect(fake.users.get(50)).toMatchObject({ suspended: false, silenced: false });
    expect(await failureOf(connector.moderate({ type: 'unban', communityExternalId: 'site', personExternalId: '999' }, key))).toEqual({ class: 'not-found', what: 'user' });
  });
});
