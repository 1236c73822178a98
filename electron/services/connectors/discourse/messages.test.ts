import { isConnectorFailure, type Cursor, type MessageItem, type Page } from '@shared/connectors';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connector } from '@shared/connectors';
import { createDiscourseConnector } from './connector';
import { API_KEY, FakeDiscourse } from '../../../../test/platforms/discourse/fake-discourse-server';

let fake: FakeDiscourse;
let connector: Connector;
beforeEach(async () => {
  fake = await FakeDiscourse.start();
  connector = createDiscourseConnector({ baseUrl: `${fake.url}/?username=system`, token: API_KEY });
});
afterEach(() => fake.close());

const alice = { id: 51, username: 'alice', name: 'Alice A.' };
const bob = { id: 52, username: 'bob' };

async function pullAll(from: Cursor | null = null) {
  const items: MessageItem[] = [];
  let cursor = from;
  for (let pages = 1; ; pages++) {
    const page: Page<MessageItem> = await connector.pullMessages(cursor);
    items.push(...page.items);
    cursor = page.next;
    if (page.complete) return { items, cursor, pages };
  }
}
const befores = () => fake.requestLog.filter((r) => r.path === '/posts.json').map((r) => r.query.get('before'));

describe('Discourse latest posts as the message feed', () => {
  it('starts from the latest page, then walks back with before= to the last post it delivered', async () => {
    for (let n = 0; n < 70; n++) fake.memberPost(n % 2 ? alice : bob, `history ${n}`);
    const first = await pullAll();
    expect(first.pages).toBe(1);
    expect(first.items).toHaveLength(50);
    expect(first.items[0]).toMatchObject({ body: 'history 69', author: { externalId: '51', displayName: 'Alice A.', username: 'alice' }, conversationId: 'topic:20001', communityExternalId: 'site' });
    expect(first.items[0]?.author.profileUrl).toMatch(/\/u\/alice$/);

    const fresh = Array.from({ length: 120 }, (_, n) => fake.memberPost(bob, `new ${n} <img src=x onerror=alert(1)>`, { categoryId: 5 }));
    const second = await pullAll(first.cursor);
    expect(second.pages).toBe(3);
    expect(second.items.map((m) => m.externalId).sort()).toEqual(fresh.map((id) => `post:${id}`).sort());
    expect(second.items[0]).toMatchObject({ communityExternalId: 'category:5', body: 'new 119 <img src=x onerror=alert(1)>' });
    expect(befores()).toEqual([null, null, String(fresh[70]), String(fresh[20])]);
    expect((await pullAll(second.cursor)).items).toEqual([]);
  });

  it('leaves out deleted posts and private messages, and refuses a cursor of another feed', async () => {
    const gone = fake.memberPost(alice, 'spam');
    fake.memberPost(bob, 'kept');
    fake.posts.get(gone)!.deleted = true;
    expect((await pullAll()).items.map((m) => m.body)).toEqual(['kept']);
    const error = await connector.pullMessages('ds.r.{}').catch((e: unknown) => e);
    expect(isConnectorFailure(error) && error.error).toMatchObject({ class: 'invalid', reason: 'cursor-expired' });
  });

  it('has no combined update stream', async () => {
    const error = await connector.pullUpdates(null).catch((e: unknown) => e);
    expect(isConnectorFailure(error) && error.error).toMatchObject({ class: 'invalid', reason: 'unsupported' });
  });
});
