import { isConnectorFailure, type Cursor, type MessageItem, type Page } from '@shared/connectors';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDiscordConnector, type DiscordConnector } from './connector';
import { BOT, BOT_TOKEN, FakeDiscord } from '../../../../test/platforms/discord/fake-discord-server';
import type { DcUser } from './wire';

let fake: FakeDiscord;
let connector: DiscordConnector;
const G1 = '100000000000000001';
const G2 = '100000000000000002';
const GENERAL = '200000000000000001';
const NEWS = '200000000000000003';
const STAFF = '200000000000000006';
beforeEach(async () => {
  fake = await FakeDiscord.start();
  fake.addGuild({
    id: G1,
    name: 'Gardeners',
    channels: [
      { id: GENERAL, type: 0, name: 'general' },
      { id: '200000000000000002', type: 2, name: 'voice' },
      { id: NEWS, type: 5, name: 'news' },
      { id: '200000000000000004', type: 15, name: 'help' },
      { id: STAFF, type: 0, name: 'staff-only' },
    ],
  });
  // Without VIEW_CHANNEL and READ_MESSAGE_HISTORY: no channel of it may be asked for.
  fake.addGuild({ id: G2, name: 'Compost', permissions: String(1n << 13n), channels: [{ id: '200000000000000009', type: 0, name: 'chat' }] });
  fake.closedChannels.add(STAFF);
  connector = createDiscordConnector({ baseUrl: fake.url, token: BOT_TOKEN });
});
afterEach(() => fake.close());

const user = (n: number): DcUser => ({ id: String(300000000000000000n + BigInt(n)), username: `user${n}`, global_name: `User ${n}` });

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
const paths = () => fake.requestLog.map((r) => `${r.path.replace('/api/v10', '')}${r.query.size ? `?${r.query}` : ''}`);

describe('Discord messages per channel', () => {
  it('reads the latest 100 of each readable text channel first, then only what came after, oldest first', async () => {
    for (let n = 0; n < 120; n++) fake.postMessage(GENERAL, (200 - n) * 1_000, `old ${n}`, user(n % 7));
    fake.postMessage(NEWS, 5_000, 'news of the day', user(1));
    fake.postMessage(GENERAL, 4_000, 'x joined', user(2), 7);
    fake.postMessage(GENERAL, 3_000, 'our announcement', BOT);
    const first = await pullAll();
    expect(first.items.filter((m) => m.communityExternalId === `${G1}/${GENERAL}`).map((m) => m.body)).toEqual(Array.from({ length: 98 }, (_, i) => `old ${i + 22}`));
    expect(first.items.find((m) => m.body === 'news of the day')).toMatchObject({ communityExternalId: `${G1}/${NEWS}`, conversationId: `${G1}/${NEWS}`, author: { externalId: user(1).id, displayName: 'User 1' } });
    // The voice channel, the forum and the server without read rights were never asked; the hidden channel once.
    expect(paths().filter((p) => p.includes('/messages'))).toEqual([`/channels/${GENERAL}/messages?limit=100`, `/channels/${NEWS}/messages?limit=100`, `/channels/${STAFF}/messages?limit=100`]);

    const fresh = Array.from({ length: 130 }, (_, n) => fake.postMessage(GENERAL, 0, `new ${n}`, user(n % 5)));
    const reply = fake.postMessage(NEWS, 0, 'replying', user(3));
    const second = await pullAll(first.cursor);
    expect(second.items.filter((m) => m.communityExternalId === `${G1}/${GENERAL}`).map((m) => m.externalId)).toEqual(fresh);
    expect(second.items.map((m) => m.externalId)).toContain(reply);
    // Two pages of after= for the busy channel; the refused channel is not asked again within a day.
    expect(paths().filter((p) => p.includes('/messages')).slice(3).map((p) => p.split('?')[0])).toEqual([
      `/channels/${GENERAL}/messages`,
      `/channels/${GENERAL}/messages`,
      `/channels/${NEWS}/messages`,
    ]);
    expect((await pullAll(second.cursor)).items).toEqual([]);
  });

  it('never pauses the connection over one hidden channel, but does over a revoked token', async () => {
    const page = await pullAll();
    expect(page.items).toEqual([]);
    fake.revokeToken();
    const error = await connector.pullMessages(page.cursor).catch((e: unknown) => e);
    expect(isConnectorFailure(error) && error.error).toMatchObject({ class: 'auth' });
  });

  it('has no combined update stream', async () => {
    const error = await connector.pullUpdates(null).catch((e: unknown) => e);
    expect(isConnectorFailure(error) && error.error).toMatchObject({ class: 'invalid', reason: 'unsupported' });
  });
});
