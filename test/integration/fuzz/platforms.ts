import type { Connector } from '@shared/connectors';
import { createDiscordConnector } from '@services/connectors/discord/connector';
import { BOT_TOKEN, FakeDiscord } from '../../platforms/discord/fake-discord-server';
import { createDiscourseConnector } from '@services/connectors/discourse/connector';
import { API_KEY, FakeDiscourse } from '../../platforms/discourse/fake-discourse-server';
import { createSandboxConnector } from '@services/connectors/sandbox/connector';
import { createTelegramConnector } from '@services/connectors/telegram/connector';
import { FakeTelegram } from '../../platforms/telegram/fake-telegram-server';
import { startQuietSandbox } from '@services/sandbox/fixture';
import { startManglingProxy, type ManglingProxy } from './mangling-proxy';

/** One platform's fake server, seeded with a little of everything, behind a mangling proxy. */
export interface FuzzPlatform {
  readonly connector: Connector;
  readonly proxy: ManglingProxy;
  close(): Promise<void>;
}

const TIMEOUT_MS = 3_000;

async function behindProxy(upstream: string, connect: (baseUrl: string) => Connector, closeUpstream: () => Promise<void>): Promise<FuzzPlatform> {
  const proxy = await startManglingProxy(upstream);
  return {
    connector: connect(proxy.baseUrl),
    proxy,
    close: async () => {
      await proxy.close();
      await closeUpstream();
    },
  };
}

export const PLATFORMS: Readonly<Record<string, () => Promise<FuzzPlatform>>> = {
  sandbox: async () => {
    const server = await startQuietSandbox({ volume: 60, reports: 10 });
    return behindProxy(server.url, (baseUrl) => createSandboxConnector({ baseUrl, token: server.token }, { timeoutMs: TIMEOUT_MS }), () => server.close());
  },
  telegram: async () => {
    const fake = await FakeTelegram.start();
    fake.addChat({ id: -1001, type: 'supergroup', title: 'Gardening', username: 'gardening' });
    fake.botAdded(-1001);
    for (let id = 1; id <= 8; id++) fake.requestToJoin(-1001, { id, is_bot: false, first_name: `User ${id}` }, id % 2 ? 'I grow tomatoes' : undefined);
    const spam = fake.post(-1001, { id: 20, is_bot: false, first_name: 'Spammer' }, 'cheap watches');
    fake.post(-1001, { id: 21, is_bot: false, first_name: 'Helper' }, '/report spam', spam.message_id);
    return behindProxy(`${fake.url}?chats=-1001`, (baseUrl) => createTelegramConnector({ baseUrl, token: fake.token }, { longPollSeconds: 0, timeoutMs: TIMEOUT_MS }), () => fake.close());
  },
  discourse: async () => {
    const fake = await FakeDiscourse.start();
    fake.addUser({ id: 50, username: 'spammer', name: 'Spam Bot' });
    fake.addUser({ id: 51, username: 'alice' });
    for (let id = 1; id <= 12; id++)
      fake.addReviewable({ id, type: 'ReviewableFlaggedPost', userId: 50, categoryId: 5, postId: 300 + id, raw: `buy pills ${id}`, reporters: [{ userId: 51, reason: 'spam' }], actions: ['agree_and_hide', 'disagree'] });
    for (let id = 60; id < 66; id++) fake.requestGroup(41, { id, username: `newbie${id}` }, 'Let me in');
    for (let n = 0; n < 9; n++) fake.memberPost({ id: 70 + (n % 3), username: `member${n % 3}` }, `post ${n}`, { categoryId: 5 });
    return behindProxy(`${fake.url}/?username=system`, (baseUrl) => createDiscourseConnector({ baseUrl, token: API_KEY }, { timeoutMs: TIMEOUT_MS }), () => fake.close());
  },
  discord: async () => {
    const fake = await FakeDiscord.start();
    const guild = '100000000000000001';
    fake.addGuild({
      id: guild,
      name: 'Gardeners',
      features: ['MEMBER_VERIFICATION_GATE_ENABLED', 'MEMBER_VERIFICATION_MANUAL_APPROVAL'],
      channels: [{ id: '200000000000000001', type: 0, name: 'general' }, { id: '200000000000000003', type: 5, name: 'news' }],
    });
    for (let n = 1; n <= 6; n++) {
      const user = { id: String(300000000000000000n + BigInt(n)), username: `user${n}`, global_name: `User ${n}` };
      fake.apply(guild, user);
      fake.automod(guild, 143, user, '200000000000000001');
      fake.postMessage('200000000000000001', 1_000 * n, `hello ${n}`, user);
    }
    return behindProxy(`${fake.url}?joinRequests=1`, (baseUrl) => createDiscordConnector({ baseUrl, token: BOT_TOKEN }, { timeoutMs: TIMEOUT_MS }), () => fake.close());
  },
};
