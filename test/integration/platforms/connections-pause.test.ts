import { afterEach, describe, expect, it } from 'vitest';
import { startQuietSandbox } from '@services/sandbox/fixture';
import type { SandboxServer } from '@services/sandbox/server';
import { drained, eventually, removeDataDir, rows, startPlatformApp, type PlatformApp } from './app';
import { startForwardingProxy } from '../../platforms/forwarding-proxy';
import { telegramHarness, type PlatformHarness } from './harness';

/**
 * Pause and Reconnect against the Telegram test server, through the real app: a paused
 * connection is neither pulled nor pushed (a decision made meanwhile waits in the
 * outbox and reaches the platform once, after Resume); a token the platform refuses
 * never replaces the one that works.
 */
let app: PlatformApp | undefined;
let platform: PlatformHarness | undefined;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await app?.stop();
  await platform?.close();
  for (const close of closers.splice(0)) await close();
  if (app) removeDataDir(app.dataDir);
  app = undefined;
  platform = undefined;
});

const quietFor = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A loopback proxy in front of the Sandbox that records every decision push it forwards
 * and, after the platform has applied one, runs `afterPush` before answering: the app's
 * drainer is then waiting on that very push, so whatever the hook does happens mid-pass.
 */
async function hookedProxy(sandbox: SandboxServer, afterPush: (path: string) => Promise<void>): Promise<{ url: string; decisions: string[] }> {
  const decisions: string[] = [];
  const proxy = await startForwardingProxy(sandbox.url, async (answer) => {
    if (answer.method === 'POST' && answer.path.endsWith('/decision')) {
      decisions.push(answer.path);
      await afterPush(answer.path);
    }
    return null;
  });
  closers.push(() => proxy.close());
  return { url: new URL(proxy.baseUrl).origin, decisions };
}

describe('Pause', () => {
  it('stops pulls and pushes; the decision made while paused goes out once after Resume', async () => {
    platform = await telegramHarness();
    app = await startPlatformApp();
    const running = app;
    const connection = await running.call('connections.add', platform.connectInput('Gardening bot'));
    const [request] = await eventually(() => rows.joinRequests(running), (list) => list.length === 1, 'the join request to sync');
    await eventually(() => running.call('sync.overview', {}), (overview) => !overview.running, 'the first sync to finish');

    const paused = await running.call('connections.pause', { id: connection.id });
    expect(paused).toMatchObject({ state: 'paused', stateReason: expect.stringMatching(/You paused this connection/) });
    const before = platform.requests().length;
    expect(await running.call('sync.runNow', {})).toMatchObject({ started: 0 });
    await running.call('joinRequests.decide', { target: { kind: 'ids', ids: [request?.id ?? ''] }, decision: 'approve' });
    await quietFor(600);
    expect(platform.requests().length).toBe(before);
    expect((await rows.outbox(running)).map((row) => row.state)).toEqual(['queued']);
    expect((await running.call('connections.list', {}))[0]).toMatchObject({ state: 'paused', pendingPushes: 1 });
    // Pausing twice is a no-op, not an error.
    expect(await running.call('connections.pause', { id: connection.id })).toMatchObject({ state: 'paused' });

    expect(await running.call('connections.resume', { id: connection.id })).toMatchObject({ state: 'active', stateReason: null });
    expect((await drained(running)).map((row) => row.state)).toEqual(['done']);
    await quietFor(300);
    expect(platform.approvals()).toHaveLength(1);
    expect((await rows.joinRequests(running))[0]).toMatchObject({ status: 'approved', syncState: 'synced' });
    const audit = (await rows.audit(running)).map((row) => row.action);
    expect(audit).toEqual(expect.arrayContaining(['connection.pause', 'connection.resume']));
  });

  it('stops the pushes a pass already picked up: a pause after the first of 50 lets no other out until Resume, then each once', async () => {
    const sandbox = await startQuietSandbox({ seed: 11, volume: 200, reports: 0 });
    closers.push(() => sandbox.close());
    app = await startPlatformApp();
    const running = app;
    let connectionId = '';
    let pausedAfterFirst: Promise<unknown> | null = null;
    const proxy = await hookedProxy(sandbox, async () => {
      pausedAfterFirst ??= running.call('connections.pause', { id: connectionId });
      await pausedAfterFirst;
    });
    connectionId = (await running.call('connections.addSandbox', { name: 'Sandbox', url: proxy.url, token: sandbox.token })).id;
    await eventually(() => rows.joinRequests(running), (list) => list.length >= 50, 'the join requests to sync');
    await eventually(() => running.call('sync.overview', {}), (overview) => !overview.running, 'the first sync to finish');
    const pending = (await rows.joinRequests(running)).filter((row) => row.status === 'pending').slice(0, 50);
    expect(pending).toHaveLength(50);

    // Grace 0: the drainer reads all 50 (one per person, so one pass) and starts sending at once.
    await running.call('joinRequests.decide', { target: { kind: 'ids', ids: pending.map((row) => row.id) }, decision: 'approve' });
    await eventually(() => Promise.resolve(pausedAfterFirst !== null), Boolean, 'the first push to reach the platform');
    await pausedAfterFirst;
    await quietFor(1_000);
    expect(proxy.decisions).toHaveLength(1);
    const held = await rows.outbox(running);
    expect(held.filter((row) => row.state === 'queued')).toHaveLength(49);
    expect((await running.call('connections.list', {}))[0]).toMatchObject({ state: 'paused', pendingPushes: 49 });

    await running.call('connections.resume', { id: connectionId });
    expect((await drained(running)).map((row) => row.state)).toEqual(Array<string>(50).fill('done'));
    await quietFor(300);
    expect(proxy.decisions).toHaveLength(50);
    expect(new Set(proxy.decisions).size).toBe(50);
    expect(sandbox.actions().filter((action) => action.path.endsWith('/decision') && action.effect === 'applied')).toHaveLength(50);
  });

  it('stops a pull that is under way', async () => {
    platform = await telegramHarness();
    app = await startPlatformApp();
    const running = app;
    const connection = await running.call('connections.add', platform.connectInput('Gardening bot'));
    await eventually(() => rows.joinRequests(running), (list) => list.length === 1, 'the join request to sync');
    await eventually(() => running.call('sync.overview', {}), (overview) => !overview.running, 'the first sync to finish');
    // The platform stops answering: the pull started next is mid-request when the pause lands.
    platform.inject({ reply: { hold: true }, times: 1_000 });
    expect((await running.call('sync.runNow', {})).started).toBeGreaterThan(0);
    await eventually(() => Promise.resolve(platform?.requests().length ?? 0), (n) => n > 0, 'a request to be held');
    await running.call('connections.pause', { id: connection.id });
    await eventually(() => running.call('sync.overview', {}), (overview) => !overview.running, 'the pull to stop', 2_000);
  });
});

describe('Reconnect', () => {
  it('refuses a token the platform refuses and keeps the old one; a good one resumes and drains', async () => {
    platform = await telegramHarness();
    app = await startPlatformApp();
    const running = app;
    const connection = await running.call('connections.add', platform.connectInput('Gardening bot'));
    const [request] = await eventually(() => rows.joinRequests(running), (list) => list.length === 1, 'the join request to sync');

    // On a working connection a wrong token changes nothing: the old one keeps working.
    const wrong = await running.refusal('connections.reconnect', { id: connection.id, token: '424242:not-the-token' });
    expect(wrong).toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/^Telegram refused the token.*old token was kept/) });
    expect(wrong.message).not.toContain('not-the-token');
    expect((await running.call('connections.test', { id: connection.id })).outcome).toBe('ok');

    platform.revoke();
    await running.call('joinRequests.decide', { target: { kind: 'ids', ids: [request?.id ?? ''] }, decision: 'approve' });
    await eventually(() => running.call('connections.list', {}), (list) => list[0]?.state === 'needs-reauth', 'the connection to need reconnecting');
    const reason = (await running.call('connections.list', {}))[0]?.stateReason;
    await running.refusal('connections.reconnect', { id: connection.id, token: '424242:still-wrong' });
    expect((await running.call('connections.list', {}))[0]).toMatchObject({ state: 'needs-reauth', stateReason: reason });
    expect(await running.refusal('connections.resume', { id: connection.id })).toMatchObject({ message: expect.stringMatching(/needs a new token.*Reconnect/) });
    expect(platform.approvals()).toHaveLength(0);

    const fresh = platform.revoke();
    expect(await running.call('connections.reconnect', { id: connection.id, token: fresh })).toMatchObject({ state: 'active', stateReason: null });
    expect((await drained(running)).map((row) => row.state)).toEqual(['done']);
    expect(platform.approvals()).toHaveLength(1);
  });
});

describe('Pause and a refused token', () => {
  it('refuses to pause a connection that needs reconnecting, so Resume cannot skip the new token or hide why', async () => {
    platform = await telegramHarness();
    app = await startPlatformApp();
    const running = app;
    const connection = await running.call('connections.add', platform.connectInput('Gardening bot'));
    platform.revoke();
    expect((await running.call('connections.test', { id: connection.id })).outcome).toBe('refused');
    const marked = (await running.call('connections.list', {}))[0];
    expect(marked).toMatchObject({ state: 'needs-reauth', stateReason: expect.stringMatching(/refused the token/) });

    expect(await running.refusal('connections.pause', { id: connection.id })).toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/until it is reconnected.*Reconnect/),
    });
    expect(await running.refusal('connections.resume', { id: connection.id })).toMatchObject({ message: expect.stringMatching(/needs a new token/) });
    expect((await running.call('connections.list', {}))[0]).toMatchObject({ state: 'needs-reauth', stateReason: marked?.stateReason });
    expect((await rows.audit(running)).map((row) => row.action)).not.toContain('connection.pause');
  });

  it('Test on a paused connection whose token is refused marks it needs reconnecting; a new token makes it active', async () => {
    platform = await telegramHarness();
    app = await startPlatformApp();
    const running = app;
    const connection = await running.call('connections.add', platform.connectInput('Gardening bot'));
    await running.call('connections.pause', { id: connection.id });
    const fresh = platform.revoke();
    expect(await running.call('connections.test', { id: connection.id })).toMatchObject({ outcome: 'refused' });
    expect((await running.call('connections.list', {}))[0]).toMatchObject({ state: 'needs-reauth', stateReason: expect.stringMatching(/Reconnect/) });
    await running.refusal('connections.resume', { id: connection.id });

    expect(await running.call('connections.reconnect', { id: connection.id, token: fresh })).toMatchObject({ state: 'active', stateReason: null });
  });
});
