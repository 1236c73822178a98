import type { Connector, Cursor, Page } from '@shared/connectors';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTelegramConnector } from './connector';
import { BOT, FakeTelegram } from '../../../../test/platforms/telegram/fake-telegram-server';
import type { TgUser } from './wire';

let fake: FakeTelegram;
let connector: Connector;
beforeEach(async () => {
  fake = await FakeTelegram.start();
  fake.addChat({ id: -1001, type: 'supergroup', title: 'Gardening', username: 'gardening' });
  connector = createTelegramConnector({ baseUrl: fake.url, token: fake.token }, { longPollSeconds: 0 });
});
afterEach(() => fake.close());

const user = (id: number): TgUser => ({ id, is_bot: false, first_name: `User ${id}`, username: `user${id}` });

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

const offsets = () => fake.calls().filter((c) => c.method === 'getUpdates').map((c) => c.params.offset);

describe('join requests from getUpdates', () => {
  it('pages with offset = last update_id + 1, and a re-pull from the committed cursor repeats nothing', async () => {
    for (let id = 1; id <= 250; id++) fake.requestToJoin(-1001, user(id), id === 1 ? 'I grow tomatoes' : undefined);
    const first = await pullAll((c) => connector.pullJoinRequests(c, { limit: 1_000 }));
    expect(first.pages).toBe(3);
    expect(new Set(first.items.map((r) => r.externalId)).size).toBe(250);
    expect(first.items[0]).toMatchObject({ externalId: '-1001:1', communityExternalId: '-1001', status: 'pending', answers: [{ question: 'Bio', answer: 'I grow tomatoes' }] });
    expect(first.items[0]?.person).toMatchObject({ externalId: '1', displayName: 'User 1', username: 'user1', profileUrl: 'https://t.me/user1' });
    // The last page stays in Telegram's queue until the next call confirms it.
    expect(fake.pendingUpdateIds()).toHaveLength(50);
    const again = await pullAll((c) => connector.pullJoinRequests(c), first.cursor);
    expect(again.items).toEqual([]);
    expect(offsets()).toEqual([undefined, 600, 700, 750]);
    expect(fake.pendingUpdateIds()).toEqual([]);
  });

  it('gives the same page again when its cursor was not committed (at-least-once)', async () => {
    fake.requestToJoin(-1001, user(1));
    const a = await connector.pullJoinRequests(null);
    const b = await connector.pullJoinRequests(null);
    expect(b.items).toEqual(a.items);
  });

  it('turns an approval made in the Telegram app into an approved request, naming the admin', async () => {
    fake.requestToJoin(-1001, user(5));
    fake.approvedElsewhere(-1001, user(5));
    const { items } = await pullAll((c) => connector.pullJoinRequests(c));
    expect(items.map((r) => [r.externalId, r.status, r.handledBy?.name])).toEqual([
      ['-1001:5', 'pending', undefined],
      ['-1001:5', 'approved', 'Dana Admin'],
    ]);
  });

  it('ignores a position older than six days: update ids restart at random after a week of silence', async () => {
    fake.requestToJoin(-1001, user(1));
    const week = 7 * 24 * 3_600_000;
    const later = createTelegramConnector({ baseUrl: fake.url, token: fake.token }, { longPollSeconds: 0, now: () => Date.now() + week });
    const page = await later.pullJoinRequests(`tg.j.99999.${Date.now()}`);
    expect(page.items).toHaveLength(1);
    expect(offsets()).toEqual([undefined]);
  });

  it('asks Telegram for the updates it needs, chat_member included', async () => {
    await connector.pullJoinRequests(null);
    expect(fake.calls()[0]?.params).toMatchObject({ allowed_updates: ['message', 'chat_join_request', 'my_chat_member', 'chat_member'], timeout: 0 });
  });

  it('refuses a cursor it did not make, so the engine starts the stream again', async () => {
    await expect(connector.pullJoinRequests('sandbox-cursor')).rejects.toMatchObject({ error: { class: 'invalid', reason: 'cursor-expired' } });
  });
});

describe('/report replies', () => {
  it('stop the join-request pages so the reports feed sees them before they are confirmed', async () => {
    const spam = fake.post(-1001, user(90), 'cheap watches at example.com');
    for (let id = 1; id <= 12; id++) fake.requestToJoin(-1001, user(id));
    fake.post(-1001, user(91), '/report spam link', spam.message_id);
    for (let id = 13; id <= 24; id++) fake.requestToJoin(-1001, user(id));

    const joins = await pullAll((c) => connector.pullJoinRequests(c, { limit: 5 }));
    expect(joins.pages).toBe(3);
    const reports = await pullAll((c) => connector.pullReports(c));
    expect(reports.items).toHaveLength(1);
    expect(reports.items[0]).toMatchObject({
      externalId: `-1001:${spam.message_id}`,
      reason: 'spam link',
      reporter: { name: 'User 91' },
      status: 'open',
      message: { body: 'cheap watches at example.com', author: { externalId: '90' } },
    });
    expect(reports.items[0]?.context.map((m) => m.body)).toEqual(['/report spam link']);

    const rest = await pullAll((c) => connector.pullJoinRequests(c, { limit: 5 }), joins.cursor);
    expect(new Set([...joins.items, ...rest.items].map((r) => r.externalId)).size).toBe(24);
    expect((await pullAll((c) => connector.pullReports(c), reports.cursor)).items).toEqual([]);
  });

  it('also reads /report@bot and @admin, but not a /report that replies to nothing', async () => {
    const a = fake.post(-1001, user(1), 'first');
    const b = fake.post(-1001, user(2), 'second');
    fake.post(-1001, user(3), `/report@${BOT.username}`, a.message_id);
    fake.post(-1001, user(4), '@admin look', b.message_id);
    fake.post(-1001, user(5), '/report');
    fake.post(-1001, user(6), '/reports are weird', a.message_id);
    const { items } = await pullAll((c) => connector.pullReports(c));
    expect(items.map((r) => [r.message.body, r.reason])).toEqual([
      ['first', 'Reported by a member with /report'],
      ['second', 'look'],
    ]);
  });
});

describe('communities', () => {
  it('learns chats from my_chat_member and ?chats=, reads each with getChat, and drops one the bot left', async () => {
    fake.addChat({ id: -1002, type: 'supergroup', title: 'Compost', is_forum: true, memberCount: 42 });
    fake.addChat({ id: -1003, type: 'channel', title: 'Announcements', username: 'garden_news' });
    fake.addChat({ id: -1004, type: 'supergroup', title: 'Gone', botRemoved: true });
    fake.botAdded(-1001);
    fake.botAdded(-1002);
    const seeded = createTelegramConnector({ baseUrl: `${fake.url}?chats=-1003,-1004`, token: fake.token }, { longPollSeconds: 0 });
    const round = await pullAll((c) => seeded.listCommunities(c));
    expect(round.items.map((c) => [c.externalId, c.name, c.kind, c.memberCount, c.url])).toEqual([
      ['-1003', 'Announcements', 'announcements', 10, 'https://t.me/garden_news'],
      ['-1001', 'Gardening', 'group', 10, 'https://t.me/gardening'],
      ['-1002', 'Compost', 'forum', 42, null],
    ]);
    expect(round.cursor).not.toContain('-1004');
  });

  it('follows a group that became a supergroup', async () => {
    fake.addChat({ id: -55, type: 'group', title: 'Small group' });
    fake.botAdded(-55);
    const first = await pullAll((c) => connector.listCommunities(c));
    expect(first.items.map((c) => c.externalId)).toEqual(['-55']);
    fake.migrate(-55, -1005);
    const second = await pullAll((c) => connector.listCommunities(c), first.cursor);
    expect(second.items.map((c) => [c.externalId, c.name])).toEqual([['-1005', 'Small group']]);
  });

  it('reports the bot it acts as', async () => {
    expect(await connector.verifyAuth()).toEqual({ principal: '@modboard_bot', scopesOk: true, missing: [] });
  });
});
