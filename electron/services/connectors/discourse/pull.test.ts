import type { Connector, Cursor, Page } from '@shared/connectors';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDiscourseConnector } from './connector';
import { API_KEY, FakeDiscourse } from '../../../../test/platforms/discourse/fake-discourse-server';

let fake: FakeDiscourse;
let connector: Connector;
beforeEach(async () => {
  fake = await FakeDiscourse.start();
  connector = createDiscourseConnector({ baseUrl: `${fake.url}/?username=system`, token: API_KEY });
});
afterEach(() => fake.close());

async function pullAll<T>(pull: (cursor: Cursor | null) => Promise<Page<T>>, from: Cursor | null = null) {
  const items: T[] = [];
  let cursor = from;
  for (let pages = 1; ; pages++) {
    const page = await pull(cursor);
    items.push(...page.items);
    cursor = page.next;
    if (page.complete) return { items, cursor, pages };
  }
}

function seedFlags(count: number): void {
  fake.addUser({ id: 50, username: 'spammer', name: 'Spam Bot' });
  fake.addUser({ id: 51, username: 'alice' });
  for (let id = 1; id <= count; id++) {
    fake.addReviewable({ id, type: 'ReviewableFlaggedPost', userId: 50, categoryId: 5, postId: 300 + id, raw: `buy pills ${id}`, reporters: [{ userId: 51, reason: 'obvious spam' }], actions: ['agree_and_hide', 'disagree'] });
  }
}

const offsets = () => fake.requestLog.filter((r) => r.path === '/review.json').map((r) => r.query.get('offset'));

describe('reports from the review queue', () => {
  it('pages by offset (fixed page of 10), skips user approvals, and sends Api-Key/Api-Username', async () => {
    seedFlags(25);
    fake.addUser({ id: 60, username: 'newbie' });
    fake.addReviewable({ id: 26, type: 'ReviewableUser', userId: 60, actions: ['approve_user'] });
    const { items, pages } = await pullAll((c) => connector.pullReports(c));
    expect(pages).toBe(3);
    expect(offsets()).toEqual(['0', '10', '20']);
    expect(new Set(items.map((r) => r.externalId)).size).toBe(25);
    expect(items[0]).toMatchObject({
      externalId: 'rv:1',
      version: '1',
      reporter: { name: 'alice' },
      reason: 'obvious spam',
      status: 'open',
      message: { externalId: 'post:301', communityExternalId: 'category:5', conversationId: 'topic:701', body: 'buy pills 1', author: { username: 'spammer', displayName: 'Spam Bot' } },
    });
    expect(fake.requestLog[0]?.headers).toMatchObject({ 'api-key': API_KEY, 'api-username': 'system' });
  });

  it('on the next pass delivers what was decided elsewhere as resolved, once, and no pending item twice', async () => {
    seedFlags(12);
    const first = await pullAll((c) => connector.pullReports(c));
    const decided = fake.reviewables.get(3);
    if (decided) decided.status = 1;
    fake.reviewables.delete(4);
    const second = await pullAll((c) => connector.pullReports(c), first.cursor);
    const ids = second.items.map((r) => r.externalId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(second.items.filter((r) => r.status === 'resolved').map((r) => r.externalId)).toEqual(['rv:3']);
    expect(ids).not.toContain('rv:4');
    const third = await pullAll((c) => connector.pullReports(c), second.cursor);
    expect(third.items.filter((r) => r.status === 'resolved')).toEqual([]);
  });
});

describe('join requests', () => {
  it('lists user approvals from the queue, then requests to join groups, paging both', async () => {
    fake.groupsPageSize = 1;
    for (let id = 1; id <= 12; id++) {
      fake.addUser({ id: 100 + id, username: `new${id}`, name: `New ${id}` });
      fake.addReviewable({ id, type: 'ReviewableUser', userId: 100 + id, actions: ['approve_user', 'reject_user_delete'] });
    }
    for (let id = 1; id <= 3; id++) fake.requestGroup(41, { id: 200 + id, username: `tester${id}` }, `I test things ${id}`);
    const { items } = await pullAll((c) => connector.pullJoinRequests(c));
    expect(items.map((r) => r.externalId)).toEqual([...Array.from({ length: 12 }, (_, i) => `rv:${i + 1}`), 'grq:41:beta-testers:201:tester1', 'grq:41:beta-testers:202:tester2', 'grq:41:beta-testers:203:tester3']);
    expect(items[0]).toMatchObject({ version: '1', communityExternalId: 'site', person: { username: 'new1', profileUrl: `${fake.url}/u/new1` }, answers: [{ question: 'Name', answer: 'New 1' }, { question: 'Email', answer: 'new1@example.com' }] });
    expect(items[12]).toMatchObject({ communityExternalId: 'group:41', answers: [{ question: 'Reason', answer: 'I test things 1' }], status: 'pending' });
    expect(fake.requestLog.filter((r) => r.path === '/groups.json').map((r) => r.query.get('page'))).toEqual(['0', '1']);
  });
});

describe('communities and identity', () => {
  it('lists the site, its categories and the groups that take requests', async () => {
    const { items, cursor } = await pullAll((c) => connector.listCommunities(c));
    expect(items.map((c) => [c.externalId, c.parentExternalId, c.name, c.kind, c.memberCount])).toEqual([
      ['site', null, 'Gardeners Forum', 'community', 1234],
      ['category:5', 'site', 'Announcements', 'forum', 0],
      ['category:6', 'category:5', 'Events', 'forum', 0],
      ['group:41', 'site', 'Beta testers', 'group', 12],
    ]);
    expect(cursor).toBeNull();
  });

  it('says who the key acts as, and whether that user is staff', async () => {
    expect(await connector.verifyAuth()).toEqual({ principal: '@system', scopesOk: true, missing: [] });
    fake.addUser({ id: 9, username: 'plain' });
    const plain = createDiscourseConnector({ baseUrl: `${fake.url}?username=plain`, token: API_KEY });
    expect((await plain.verifyAuth()).scopesOk).toBe(false);
  });
});
