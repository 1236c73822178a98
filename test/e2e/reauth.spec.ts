import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { makeDataDir, startBrowserMode } from './support/browser-mode';
import { connectContract, waitFor } from './support/contract-client';
import { startSandbox } from './support/sandbox-process';

test('an expired token pauses the connection, the UI says so, and after re-auth the queued decision is pushed once', async ({ page }) => {
  test.setTimeout(120_000);
  const sandbox = await startSandbox(['--seed', '5', '--volume', '300', '--reports', '0', '--no-trickle']);
  const dataDir = makeDataDir();
  writeFileSync(join(dataDir, 'config.json'), JSON.stringify({ deviceId: 'E2EDESK', sandboxProvisioned: true, preferences: { undoGraceSeconds: 0 } }));
  const app = await startBrowserMode({ dataDir });
  const contract = await connectContract(app.origin, app.token);
  try {
    const added = await contract.call('connections.addSandbox', { name: 'Team sandbox', url: sandbox.url, token: sandbox.token });
    if (!added.ok) throw new Error(added.error.message);
    const window = () => contract.call('joinRequests.window', { offset: 0, limit: 1, sort: [], filters: { status: 'pending' } });
    const first = await waitFor(window, (r) => r.ok && r.value.rows.length > 0, 30_000);
    const requestId = first.ok ? (first.value.rows[0]?.id ?? '') : '';

    await sandbox.control('/_sandbox/token/expire');
    const decided = await contract.call('joinRequests.decide', { target: { kind: 'ids', ids: [requestId] }, decision: 'approve' });
    expect(decided.ok).toBe(true);

    await page.goto(app.url);
    await expect(page.getByRole('status').filter({ hasText: 'Team sandbox needs reconnecting' })).toBeVisible({ timeout: 30_000 });
    const overview = await contract.call('sync.overview', {});
    expect(overview.ok && overview.value.connections[0]?.pendingPushes).toBe(1);

    // Nothing was lost while paused: a new token resumes the connection and the approval goes out once.
    const { token } = await sandbox.control<{ token: string }>('/_sandbox/token');
    const reconnected = await contract.call('connections.reconnect', { id: added.value.id, token });
    expect(reconnected.ok && reconnected.value.state).toBe('active');
    await expect(page.getByRole('status').filter({ hasText: 'needs reconnecting' })).toBeHidden({ timeout: 30_000 });
    const applied = async () =>
      (await sandbox.inspect<{ actions: { path: string; effect: string }[] }>('/_sandbox/actions')).actions.filter((a) =>
        a.path.includes('/decision'),
      );
    const actions = await waitFor(applied, (list) => list.some((a) => a.effect === 'applied'), 30_000);
    expect(actions.filter((a) => a.effect === 'applied')).toHaveLength(1);
  } finally {
    contract.close();
    await app.stop();
    await sandbox.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
