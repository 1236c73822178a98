import { afterEach, describe, expect, it } from 'vitest';
import { drained, eventually, removeDataDir, rows, startPlatformApp, type PlatformApp } from './app';
import { HARNESSES, type PlatformHarness } from './harness';

/**
 * A token revoked on the platform (401 on Telegram and Discord, Discourse's 403
 * "API username or key is invalid") pauses the connection with a message the user
 * sees in Settings, keeps the decision queued, and once the user reconnects with the
 * new token the queue drains: the platform gets the decision once.
 */
let app: PlatformApp | undefined;
let platform: PlatformHarness | undefined;
afterEach(async () => {
  await app?.stop();
  await platform?.close();
  if (app) removeDataDir(app.dataDir);
  app = undefined;
  platform = undefined;
});

describe.each(Object.entries(HARNESSES))('%s', (_kind, start) => {
  it('pauses with a clear message, loses nothing, and drains after reconnecting', async () => {
    platform = await start();
    app = await startPlatformApp();
    const running = app;
    const connection = await running.call('connections.add', platform.connectInput('Revocable'));
    const [request] = await eventually(() => rows.joinRequests(running), (list) => list.length === 1, 'the join request to sync');

    platform.revoke();
    await running.call('joinRequests.decide', { target: { kind: 'ids', ids: [request?.id ?? ''] }, decision: 'approve' });
    const [paused] = await eventually(() => running.call('connections.list', {}), (list) => list[0]?.state === 'needs-reauth', 'the connection to pause');
    expect(paused?.stateReason).toMatch(/refused Modboard's credentials.*Reconnect this account.*nothing queued is lost/);
    const [queued] = await rows.outbox(running);
    expect(queued).toMatchObject({ state: 'queued', kind: 'join.decide' });
    expect(platform.approvals()).toHaveLength(0);
    const refusedCalls = platform.requests().length;
    // Paused means paused: no retries against the refused token while the user is away.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(platform.requests().length).toBe(refusedCalls);

    const fresh = platform.revoke();
    await running.call('connections.reconnect', { id: connection.id, token: fresh });
    expect((await drained(running)).map((row) => row.state)).toEqual(['done']);
    expect(platform.approvals()).toHaveLength(1);
    expect((await running.call('connections.list', {}))[0]).toMatchObject({ state: 'active', stateReason: null });
    const [decided] = await rows.joinRequests(running);
    expect(decided).toMatchObject({ status: 'approved', syncState: 'synced' });
  });
});
