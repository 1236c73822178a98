import { isConnectorFailure, type Cursor, type Page } from '@shared/connectors';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDiscordConnector, type DiscordConnector } from './connector';
import { BOT_TOKEN, FakeDiscord } from '../../../../test/platforms/discord/fake-discord-server';
import type { DcUser } from './wire';

let fake: FakeDiscord;
let connector: DiscordConnector;
const G1 = '100000000000000001';
const G2 = '100000000000000002';
beforeEach(async () => {
  fake = await FakeDiscord.start();
  fake.addGuild({
    id: G1,
    name: 'Gardeners',
    features: ['MEMBER_VERIFICATION_GATE_ENABLED', 'MEMBER_VERIFICATION_MANUAL_APPROVAL'],
    channels: [
      { id: '200000000000000001', type: 0, name: 'general' },
      { id: '200000000000000002', type: 2, name: 'voice' },
      { id: '200000000000000003', type: 5, name: 'news' },
      { id: '200000000000000004', type: 15, name: 'help' },
      { id: '200000000000000005', type: 4, name: 'Category' },
    ],
  });
  // No VIEW_AUDIT_LOG, KICK_MEMBERS or application features here: nothing may be asked of it.
  fake.addGuild({ id: G2, name: 'Compost', permissions: String(1n << 13n), channels: [{ id: '200000000000000009', type: 0, name: 'chat' }] });
  connector = createDiscordConnector({ baseUrl: fake.url, token: BOT_TOKEN });
});
afterEach(() => fake.close());

const user = (n: number): DcUser => ({ id: String(300000000000000000n + BigInt(n)), username: `user${n}`, global_name: `User ${n}` });

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

const paths = () => fake.requestLog.map((r) => r.path);

describe('communities', () => {
  it('lists guilds as servers and their text, announcement and forum channels under them', async () => {
    const { items } = await pullAll((c) => connector.listCommunities(c));
    expect(items.map((c) => [c.externalId, c.parentExternalId, c.name, c.kind])).toEqual([
      [G1, null, 'Gardeners', 'server'],
      [G2, null, 'Compost', 'server'],
      [`${G1}/200000000000000001`, G1, '#general', 'chat'],
      [`${G1}/200000000000000003`, G1, '#news', 'announcements'],
      [`${G1}/200000000000000004`, G1, '#help', 'forum'],
      [`${G2}/200000000000000009`, G2, '#chat', 'chat'],
    ]);
    expect(items[0]).toMatchObject({ memberCount: 321, url: `https://discord.com/channels/${G1}` });
    expect(paths().every((p) => p.startsWith('/api/v10/'))).toBe(true);
    expect(fake.requestLog[0]?.headers).toMatchObject({ authorization: `Bot ${BOT_TOKEN}`, 'user-agent': expect.stringMatching(/^DiscordBot \(/) });
  });

  it('pages the guild list 200 at a time with after=', async () => {
    for (let n = 3; n <= 202; n++) fake.addGuild({ id: String(100000000000000000n + BigInt(n)), name: `Guild ${n}` });
    const { items } = await pullAll((c) => connector.listCommunities(c));
    expect(items.filter((c) => c.kind === 'server')).toHaveLength(202);
    expect(fake.requestLog.filter((r) => r.path.endsWith('/users/@me/guilds')).map((r) => r.query.get('after'))).toEqual([null, '100000000000000200']);
  });
});

describe('AutoMod reports from the audit log', () => {
  it('catches up per guild and action type with after=, pages by 100, and repeats nothing', async () => {
    for (let n = 1; n <= 105; n++) fake.automod(G1, 143, user(n), '200000000000000001');
    fake.automod(G1, 145, user(999));
    const first = await pullAll((c) => connector.pullReports(c));
    expect(first.items).toHaveLength(106);
    expect(new Set(first.items.map((r) => r.externalId)).size).toBe(106);
    expect(first.items[0]).toMatchObject({
      reporter: null,
      reason: 'AutoMod: No invites',
      status: 'open',
      message: { communityExternalId: `${G1}/200000000000000001`, author: { externalId: user(1).id, displayName: 'User 1' }, body: expect.stringContaining('blocked a message') },
    });
    expect(first.items.at(-1)?.message.communityExternalId).toBe(G1);
    expect(paths().filter((p) => p.includes(G2) && p.includes('audit-logs'))).toEqual([]);

    const again = await pullAll((c) => connector.pullReports(c), first.cursor);
    expect(again.items).toEqual([]);
    const late = fake.automod(G1, 144, user(5), '200000000000000001');
    const third = await pullAll((c) => connector.pullReports(c), again.cursor);
    expect(third.items.map((r) => r.externalId)).toEqual([late.id]);
  });
});

describe('member applications (join requests)', () => {
  it('are off by default: not declared, and refused if called', async () => {
    expect(connector.describe().capabilities).not.toContain('joinRequests.pull');
    expect(connector.describe().delivery.joinRequests).toEqual({ mode: 'none' });
    const error = await connector.pullJoinRequests(null).then(() => null, (e: unknown) => e);
    expect(isConnectorFailure(error) && error.error).toMatchObject({ class: 'invalid', reason: 'unsupported' });
  });

  it('with ?joinRequests=1: lists SUBMITTED requests newest first with before=, and later what others decided', async () => {
    const withRequests = createDiscordConnector({ baseUrl: `${fake.url}?joinRequests=1`, token: BOT_TOKEN });
    expect(withRequests.describe().capabilities).toEqual(expect.arrayContaining(['joinRequests.pull', 'joinRequests.decide']));
    const requests = Array.from({ length: 105 }, (_, i) => fake.apply(G1, user(i + 1)));
    const first = await pullAll((c) => withRequests.pullJoinRequests(c));
    expect(new Set(first.items.map((r) => r.externalId)).size).toBe(105);
    expect(first.items.find((r) => r.externalId === requests[0]?.id)).toMatchObject({
      communityExternalId: G1,
      status: 'pending',
      person: { username: 'user1' },
      answers: [
        { question: 'How did you find us?', answer: 'A friend' },
        { question: 'Platform', answer: 'Console' },
      ],
    });
    expect(paths().filter((p) => p.includes(G2) && p.includes('requests'))).toEqual([]);

    fake.decideElsewhere(requests[0]?.id ?? '', 'APPROVED');
    const second = await pullAll((c) => withRequests.pullJoinRequests(c), first.cursor);
    const decided = second.items.filter((r) => r.status !== 'pending');
    expect(decided).toEqual([expect.objectContaining({ externalId: requests[0]?.id, status: 'approved', handledBy: expect.objectContaining({ name: 'Dana' }) })]);
    expect(second.items.filter((r) => r.status === 'pending')).toHaveLength(104);
  });
});

describe('identity', () => {
  it('names the bot and the rights it lacks per server', async () => {
    const auth = await connector.verifyAuth();
    expect(auth.principal).toBe('modboard');
    expect(auth.scopesOk).toBe(false);
    expect(auth.missing).toEqual(['VIEW_AUDIT_LOG in Compost', 'KICK_MEMBERS in Compost', 'BAN_MEMBERS in Compost', 'MODERATE_MEMBERS in Compost']);
  });
});
