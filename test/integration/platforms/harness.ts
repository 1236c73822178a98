import type { CallInput } from '@shared/contract';
import { BOT_TOKEN, FakeDiscord } from '../../platforms/discord/fake-discord-server';
import { FakeDiscourse } from '../../platforms/discourse/fake-discourse-server';
import { FakeTelegram } from '../../platforms/telegram/fake-telegram-server';
import type { LoopbackFault, LoopbackRequest } from '../../platforms/loopback';

/**
 * Each platform's test server with one pending join request, behind one shape, for
 * tests that run the same story on every platform (revoked tokens, secrets).
 */
export interface PlatformHarness {
  readonly kind: 'telegram' | 'discourse' | 'discord';
  /** What the Settings form sends to connect it. */
  connectInput(name: string): CallInput<'connections.add'>;
  readonly token: string;
  /** The platform revokes the token; returns the new one the user pastes in. */
  revoke(): string;
  /** Requests that approved the pending join request. */
  approvals(): readonly LoopbackRequest[];
  /** Every request the server received. */
  requests(): readonly LoopbackRequest[];
  inject(fault: LoopbackFault): void;
  close(): Promise<void>;
}

export async function telegramHarness(token = '424242:AAH-harness-telegram-token'): Promise<PlatformHarness> {
  const fake = await FakeTelegram.start(token);
  fake.addChat({ id: -1001, type: 'supergroup', title: 'Gardening' });
  fake.botAdded(-1001);
  fake.requestToJoin(-1001, { id: 501, is_bot: false, first_name: 'Robin' });
  return {
    kind: 'telegram',
    connectInput: (name) => ({ kind: 'telegram', name, baseUrl: fake.url, token: fake.token }),
    get token() {
      return fake.token;
    },
    revoke: () => fake.revokeToken(),
    approvals: () => fake.requestLog.filter((r) => r.path.endsWith('/approveChatJoinRequest') && r.path.startsWith(`/bot${fake.token}/`)),
    requests: () => fake.requestLog,
    inject: (fault) => fake.inject(fault),
    close: () => fake.close(),
  };
}

export async function discourseHarness(key = 'f00d'.repeat(16)): Promise<PlatformHarness> {
  const fake = await FakeDiscourse.start();
  fake.apiKey = key;
  fake.addUser({ id: 60, username: 'newbie' });
  fake.addReviewable({ id: 3, type: 'ReviewableUser', userId: 60, actions: ['approve_user', 'reject_user_delete'] });
  return {
    kind: 'discourse',
    connectInput: (name) => ({ kind: 'discourse', name, baseUrl: fake.url, token: fake.apiKey }),
    get token() {
      return fake.apiKey;
    },
    revoke: () => fake.revokeKey(),
    approvals: () => fake.requestLog.filter((r) => r.method === 'PUT' && r.path === '/review/3/perform/approve_user.json' && r.headers['api-key'] === fake.apiKey),
    requests: () => fake.requestLog,
    inject: (fault) => fake.inject(fault),
    close: () => fake.close(),
  };
}

export async function discordHarness(token = `${BOT_TOKEN}.harness`): Promise<PlatformHarness> {
  const fake = await FakeDiscord.start();
  fake.token = token;
  fake.addGuild({ id: '100000000000000001', name: 'Gardeners', features: ['MEMBER_VERIFICATION_GATE_ENABLED', 'MEMBER_VERIFICATION_MANUAL_APPROVAL'], channels: [{ id: '200000000000000001', type: 0, name: 'general' }] });
  const application = fake.apply('100000000000000001', { id: '300000000000000001', username: 'robin' });
  return {
    kind: 'discord',
    connectInput: (name) => ({ kind: 'discord', name, baseUrl: fake.url, token: fake.token, joinRequests: true }),
    get token() {
      return fake.token;
    },
    revoke: () => fake.revokeToken(),
    approvals: () => fake.requestLog.filter((r) => r.method === 'PATCH' && r.path.endsWith(`/requests/${application.id}`) && r.headers.authorization === `Bot ${fake.token}`),
    requests: () => fake.requestLog,
    inject: (fault) => fake.inject(fault),
    close: () => fake.close(),
  };
}

export const HARNESSES = { telegram: telegramHarness, discourse: discourseHarness, discord: discordHarness } as const;
