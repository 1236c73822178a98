import type { Connector, Cursor, FeedItem, Page } from '@shared/connectors';
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

const joinRequests = (items: readonly FeedItem[]) => items.flatMap((u) => (u.feed === 'joinRequests' ? [u.item] : []));
const messages = (items: readonly FeedItem[]) => items.flatMap((u) => (u.feed === 'messages' ? [u.item] : []));
const reports = (items: readonly FeedItem[]) => items.flatMap((u) => (u.feed === 'reports' ? [u.item] : []));

describe('the combined update feed (getUpdates)', () => {
  it('pages with offset = last update_id + 1, and a re-pull from the committed cursor repeats nothing', async () => {
    for (let id = 1; id <= 250; id++) fake.requestToJoin(-1001, user(id), id === 1 ? 'I grow tomatoes' : undefined);
    const first = await pullAll((c) => connector.pullUpdates(c, { limit: 1_000 }));
    expect(first.pages).toBe(3);
    const requests = joinRequests(first.items);
    expect(new Set(requests.map((r) => r.externalId)).size).toBe(250);
    expect(requests[0]).toMatchObject({ externalId: '-1001:1', communityExternalId: '-1001', status: 'pending', answers: [{ question: 'Bio', answer: 'I grow tomatoes' }] });
    expect(requests[0]?.person).toMatchObject({ externalId: '1', displayName: 'User 1', username: 'user1', profileUrl: 'https://t.me/user1' });
    // The last page stays in Telegram's queue until the next call confirms it.
    expect(fake.pendingUpdateIds()).toHaveLength(50);
    const again = await pullAll((c) => connector.pullUpdates(c), first.cursor);
    expect(again.items).toEqual([]);
    expect(offsets()).toEqual([undefined, 600, 700, 750]);
    expect(fake.pendingUpdateIds()).toEqual([]);
  });

  it('delivers join requests, messages and /report replies from the same pages, each update once, in order', async () => {
    const spam = fake.post(-1001, user(90), 'cheap watches at example.com');
    for (let id = 1; id <= 12; id++) fake.requestToJoin(-1001, user(id));
    fake.post(-1001, user(91), '/report spam link', spam.message_id);
    for (let id = 13; id <= 24; id++) fake.post(-1001, user(id), `hello from ${id}`);
    fake.editedByMember(-1001, spam.message_id, 'cheap watches at scam.example');

    const all = await pullAll((c) => connector.pullUpdates(c, { limit: 5 }));
    expect(all.pages).toBe(6);
    expect(joinRequests(all.items)).toHaveLength(12);
    expect(messages(all.items).map((m) => m.body)).toEqual([
      'cheap watches at example.com',
      '/report spam link',
      ...Array.from({ length: 12 }, (_, i) => `hello from ${i + 13}`),
      'cheap watches at scam.example',
    ]);
    expect(messages(all.items).at(-1)).toMatchObject({ externalId: `-1001:${spam.message_id}`, author: { externalId: '90' } });
    expect(reports(all.items)).toEqual([
      expect.objectContaining({ externalId: `-1001:${spam.message_id}`, reason: 'spam link', reporter: { name: 'User 91' }, status: 'open' }),
    ]);
    expect(reports(all.items)[0]?.context.map((m) => m.body)).toEqual(['/report spam link']);
    // One consumer: every page after the first confirmed the one before; nothing was read twice.
    expect(offsets()).toEqual([undefined, 505, 510, 515, 520, 525]);
    expect((await pullAll((c) => connector.pullUpdates(c), all.cursor)).items).toEqual([]);
  });

  it('leaves out service messages, private chats and channel posts', async () => {
    fake.addChat({ id: 42, type: 'private', first_name: 'Someone' } as never);
    fake.addChat({ id: -1009, type: 'channel', title: 'News' });
    fake.post(42, user(1), 'hi bot');
    fake.post(-1009, user(2), 'channel post');
    fake.addChat({ id: -55, type: 'group', title: 'Small' });
    fake.migrate(-55, -1005);
    fake.post(-1001, user(3), 'a real message');
    const all = await pullAll((c) => connector.pullUpdates(c));
    expect(messages(all.items).map((m) => m.body)).toEqual(['a real message']);
  });

  it('stops paging at an update the communities peek needs, and confirms it on the next pull', async () => {
    for (let id = 1; id <= 3; id++) fake.requestToJoin(-1001, user(id));
    fake.botAdded(-1001);
    for (let id = 4; id <= 9; id++) fake.requestToJoin(-1001, user(id));
    const first = await pullAll((c) => connector.pullUpdates(c, { limit: 5 }));
    expect(first.pages).toBe(1);
    expect(fake.pendingUpdateIds()).toHaveLength(10);
    const rest = await pullAll((c) => connector.pullUpdates(c, { limit: 5 }), first.cursor);
    expect(joinRequests([...first.items, ...rest.items])).toHaveLength(9);
  });

  it('gives the same page again when its cursor was not committed (at-least-once)', async () => {
    fake.requestToJoin(-1001, user(1));
    const a = await connector.pullUpdates(null);
    const b = await connector.pullUpdates(null);
    expect(b.items).toEqual(a.items);
  });

  it('turns an approval made in the Telegram app into an approved request, naming the admin', async () => {
    fake.requestToJoin(-1001, user(5));
    fake.approvedElsewhere(-1001, user(5));
    const { items } = await pullAll((c) => connector.pullUpdates(c));
    expect(joinRequests(items).map((r) => [r.externalId, r.status, r.handledBy?.name])).toEqual([
      ['-1001:5', 'pending', undefined],
      ['-1001:5', 'approved', 'Dana Admin'],
    ]);
  });

  it('ignores a position older than six days: update ids restart at random after a week of silence', async () => {
    fake.requestToJoin(-1001, user(1));
    const week = 7 * 24 * 3_600_000;
    const later = createTelegramConnector({ baseUrl: fake.url, token: fake.token }, { longPollSeconds: 0, now: () => Date.now() + week });
    const page = await later.pullUpdates(`tg.u.99999.${Date.now()}`);
    expect(page.items).toHaveLength(1);
    expect(offsets()).toEqual([undefined]);
  });

  it('asks Telegram for the updates it needs, chat_member and edits included', async () => {
    await connector.pullUpdates(null);
    expect(fake.calls()[0]?.params).toMatchObject({ allowed_updates: ['message', 'edited_message', 'chat_join_request', 'my_chat_member', 'chat_member'], timeout: 0 });
  });

  it('refuses a cursor it did not make (or an old per-feed one), so the engine starts the stream again', async () => {
    await expect(connector.pullUpdates('sandbox-cursor')).rejects.toMatchObject({ error: { class: 'invalid', reason: 'cursor-expired' } });
    await expect(connector.pullUpdates(`tg.j.600.${Date.now()}`)).rejects.toMatchObject({ error: { class: 'invalid', reason: 'cursor-expired' } });
  });
});

describe('one feed alone', () => {
  it('only peeks: it confirms nothing, so another feed loses nothing', async () => {
    const a = fake.post(-1001, user(1), 'first');
    fake.requestToJoin(-1001, user(2));
    fake.post(-1001, user(3), '/report', a.message_id);
    const peekedMessages = await connector.pullMessages(null);
    expect(peekedMessages.items.map((m) => m.body)).toEqual(['first', '/report']);
    expect((await connector.pullJoinRequests(null)).items.map((r) => r.externalId)).toEqual(['-1001:2']);
    expect((await connector.pullReports(null)).items.map((r) => r.message.body)).toEqual(['first']);
    expect((await connector.pullMessages(peekedMessages.next)).items).toEqual([]);
    expect(fake.pendingUpdateIds()).toHaveLength(3);
    expect(offsets()).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('reads /report@bot and @admin as reports, but not a /report that replies to nothing', async () => {
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
