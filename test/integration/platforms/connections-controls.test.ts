import { afterEach, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../../platforms/discord/fake-discord-server';
import { FakeDiscourse } from '../../platforms/discourse/fake-discourse-server';
import { FakeTelegram } from '../../platforms/telegram/fake-telegram-server';
import type { Logger } from '@services/app/host';
import { eventually, removeDataDir, rows, startPlatformApp, syncNow, type PlatformApp } from './app';
import { telegramHarness, type PlatformHarness } from './harness';

/**
 * Settings' Test and Edit against each platform's test server, through the real app:
 * Test answers with who the token acts as and what the connection may do (and says so
 * when the platform refuses the token); edited options reach the platform (a Telegram
 * chat added by id syncs, Discord join requests switched on appear as a capability, a
 * Discourse username is checked with the site before it is saved).
 */
let app: PlatformApp | undefined;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await app?.stop();
  if (app) removeDataDir(app.dataDir);
  app = undefined;
  for (const close of closers.splice(0)) await close();
});

const listed = async (running: PlatformApp, id: string) => (await running.call('connections.list', {})).find((c) => c.id === id);

describe('Test', () => {
  let platform: PlatformHarness;
  it('names the bot, says what it can and cannot do, and never echoes the token', async () => {
    platform = await telegramHarness();
    closers.push(() => platform.close());
    app = await startPlatformApp();
    const connection = await app.call('connections.add', platform.connectInput('Gardening bot'));
    const result = await app.call('connections.test', { id: connection.id });
    expect(result).toMatchObject({ outcome: 'ok', principal: '@modboard_bot', scopesOk: true });
    if (result.outcome !== 'ok') throw new Error('unreachable');
    expect(result.capabilities).toEqual(expect.arrayContaining(['joinRequests.decide', 'message.remove', 'member.ban']));
    expect(result.lacking).not.toContain('joinRequests.decide');
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    expect((await listed(app, connection.id))?.capabilities).toEqual(result.capabilities);
    expect(JSON.stringify(result)).not.toContain(platform.token);
  });

  it('says the platform refused a revoked token, and the connection then asks to be reconnected', async () => {
    platform = await telegramHarness();
    closers.push(() => platform.close());
    app = await startPlatformApp();
    const connection = await app.call('connections.add', platform.connectInput('Gardening bot'));
    const old = platform.token;
    platform.revoke();
    const result = await app.call('connections.test', { id: connection.id });
    expect(result).toMatchObject({ outcome: 'refused', message: expect.stringMatching(/^Telegram refused the token/) });
    expect(JSON.stringify(result)).not.toContain(old);
    expect(await listed(app, connection.id)).toMatchObject({ state: 'needs-reauth', stateReason: expect.stringMatching(/refused the token.*Reconnect/) });
  });

  it('says the platform cannot be reached when it answers 5xx, and leaves the connection as it was', async () => {
    platform = await telegramHarness();
    closers.push(() => platform.close());
    app = await startPlatformApp();
    const connection = await app.call('connections.add', platform.connectInput('Gardening bot'));
    platform.inject({ reply: { status: 502, json: { ok: false, error_code: 502, description: 'Bad Gateway' } }, times: 5 });
    const result = await app.call('connections.test', { id: connection.id });
    expect(result).toMatchObject({ outcome: 'unreachable', message: expect.stringMatching(/^Could not reach Telegram/) });
    expect(await listed(app, connection.id)).toMatchObject({ state: 'active' });
  });
});

describe('Edit', () => {
  it('Telegram: a chat added by id is synced', async () => {
    const fake = await FakeTelegram.start('424242:AAH-edit-telegram-token');
    closers.push(() => fake.close());
    fake.addChat({ id: -1001, type: 'supergroup', title: 'Gardening' });
    fake.botAdded(-1001);
    fake.addChat({ id: -1002, type: 'supergroup', title: 'Birdwatching' });
    app = await startPlatformApp();
    const running = app;
    const connection = await running.call('connections.add', { kind: 'telegram', name: 'Bot', baseUrl: fake.url, token: fake.token });
    await eventually(() => rows.communities(running), (list) => list.length === 1, 'the first chat to sync');
    expect((await listed(running, connection.id))?.options).toEqual({ chatIds: [] });

    const updated = await running.call('connections.update', { id: connection.id, name: 'Nature bot', options: { chatIds: ['-1002'] } });
    expect(updated).toMatchObject({ name: 'Nature bot', options: { chatIds: ['-1002'] } });
    await syncNow(running);
    const names = (await eventually(() => rows.communities(running), (list) => list.length === 2, 'the added chat to sync')).map((c) => c.name);
    expect(names.sort()).toEqual(['Birdwatching', 'Gardening']);
    expect(fake.calls().some((call) => call.method === 'getChat' && String(call.params.chat_id) === '-1002')).toBe(true);
    const audit = JSON.stringify(await rows.audit(running));
    expect(audit).toContain('Renamed Bot to Nature bot');
    expect(audit).not.toContain(fake.token);
  });

  it('Discord: switching join requests on adds the capability and brings the pending application in', async () => {
    const fake = await FakeDiscord.start();
    closers.push(() => fake.close());
    fake.addGuild({ id: '100000000000000001', name: 'Gardeners', features: ['MEMBER_VERIFICATION_GATE_ENABLED', 'MEMBER_VERIFICATION_MANUAL_APPROVAL'], channels: [{ id: '200000000000000001', type: 0, name: 'general' }] });
    fake.apply('100000000000000001', { id: '300000000000000001', username: 'robin' });
    app = await startPlatformApp();
    const running = app;
    const connection = await running.call('connections.add', { kind: 'discord', name: 'Discord main', baseUrl: fake.url, token: fake.token });
    await eventually(() => rows.communities(running), (list) => list.some((c) => c.name === 'Gardeners'), 'the server to sync');
    // The pull an edit starts is skipped while the first sync still runs (the scheduler runs one per connection).
    await eventually(() => running.call('sync.overview', {}), (overview) => !overview.running, 'the first sync to finish');
    expect((await listed(running, connection.id))?.capabilities).not.toContain('joinRequests.decide');
    expect(await rows.joinRequests(running)).toHaveLength(0);

    await running.call('connections.update', { id: connection.id, options: { joinRequests: true } });
    expect(await listed(running, connection.id)).toMatchObject({ options: { joinRequests: true }, capabilities: expect.arrayContaining(['joinRequests.decide']) });
    const [request] = await eventually(() => rows.joinRequests(running), (list) => list.length === 1, 'the application to sync');
    expect(request?.status).toBe('pending');
  });

  it('Discourse: a username the site refuses is not saved; a staff one is', async () => {
    const fake = await FakeDiscourse.start();
    closers.push(() => fake.close());
    fake.addUser({ id: 70, username: 'modbot', staff: true });
    fake.addUser({ id: 71, username: 'member' });
    app = await startPlatformApp();
    const connection = await app.call('connections.add', { kind: 'discourse', name: 'Forum', baseUrl: fake.url, token: fake.apiKey });
    expect((await listed(app, connection.id))?.options).toEqual({ username: 'system' });

    const unknown = await app.refusal('connections.update', { id: connection.id, options: { username: 'nobody' } });
    expect(unknown).toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/Discourse refused the token.*username was not changed/) });
    const notStaff = await app.refusal('connections.update', { id: connection.id, options: { username: 'member' } });
    expect(notStaff.message).toMatch(/needs a moderator or admin.*not changed/);
    expect((await listed(app, connection.id))?.options).toEqual({ username: 'system' });

    await app.call('connections.update', { id: connection.id, options: { username: 'modbot' } });
    expect((await listed(app, connection.id))?.options).toEqual({ username: 'modbot' });
    expect(await app.call('connections.test', { id: connection.id })).toMatchObject({ outcome: 'ok', principal: '@modbot' });
    const wrongPlatform = await app.refusal('connections.update', { id: connection.id, options: { chatIds: ['-1'] } });
    expect(wrongPlatform).toMatchObject({ code: 'invalid-input', message: 'Discourse connections have no chatIds option.' });
  });
});

describe('List', () => {
  it('describes a paused connection without building its connector: the embedded Sandbox is not started to show capabilities', async () => {
    app = await startPlatformApp();
    const first = app;
    const connection = await first.call('connections.addSandbox', {});
    await first.call('connections.pause', { id: connection.id });
    const dataDir = first.dataDir;
    await first.stop();

    const started: string[] = [];
    const log: Logger = { info: (message) => void (message === 'Sandbox network started' && started.push(message)), warn: () => {}, error: () => {} };
    app = await startPlatformApp({ dataDir, log });
    const [listed] = await app.call('connections.list', {});
    await app.call('connections.list', {});
    expect(listed).toMatchObject({ state: 'paused', capabilities: expect.arrayContaining(['joinRequests.decide', 'member.ban']) });
    expect(started).toEqual([]);

    await app.call('connections.resume', { id: connection.id });
    await eventually(() => Promise.resolve(started.length), (n) => n === 1, 'the resumed Sandbox to start');
  });
});
