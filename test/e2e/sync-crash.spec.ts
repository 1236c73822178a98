import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import sqlite3 from 'sqlite3';
import { connectContract, waitFor } from './support/contract-client';
import { makeDataDir, startBrowserMode, type BrowserMode } from './support/browser-mode';
import { startSandbox } from './support/sandbox-process';

const VOLUME = 100_000;
const PAGE = 1_000;

function queryDb<T>(file: string, sql: string): Promise<T> {
  const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY);
  return new Promise((resolve, reject) =>
    db.get(sql, (error, row) => {
      db.close();
      if (error) reject(error);
      else resolve(row as T);
    }),
  );
}

test('SIGKILL in the middle of a pull: the restart resumes from the committed cursor, no duplicates, no gaps', async () => {
  test.setTimeout(240_000);
  const sandbox = await startSandbox(['--seed', '7', '--volume', String(VOLUME), '--reports', '0', '--no-trickle']);
  const dataDir = makeDataDir();
  let app: BrowserMode | undefined;
  try {
    app = await startBrowserMode({ dataDir });
    const contract = await connectContract(app.origin, app.token);
    const added = await contract.call('connections.addSandbox', { name: 'Crash target', url: sandbox.url, token: sandbox.token });
    if (!added.ok) throw new Error(added.error.message);
    const connectionId = added.value.id;
    const pulled = async () => {
      const overview = await contract.call('sync.overview', {});
      const health = overview.ok ? overview.value.connections.find((c) => c.connectionId === connectionId) : undefined;
      return health?.streams.find((s) => s.stream === 'join-requests')?.itemsPulled ?? 0;
    };
    const db = join(dataDir, 'modboard.sqlite');
    const stored = async () =>
      (await queryDb<{ n: number }>(db, `SELECT count(*) AS n FROM join_requests WHERE connection_id = '${connectionId}'`)).n;
    const before = await waitFor(pulled, (n) => n >= 20_000, 120_000);
    const killed = app.child;
    killed.kill('SIGKILL');
    await new Promise((resolve) => killed.once('exit', resolve));
    contract.close();
    expect(before).toBeLessThan(VOLUME);

    app = await startBrowserMode({ dataDir });
    await waitFor(stored, (n) => n >= VOLUME, 180_000);
    await app.stop();

    const rows = await queryDb<{ n: number; distinct_ids: number }>(
      db,
      `SELECT count(*) AS n, count(DISTINCT external_id) AS distinct_ids FROM join_requests WHERE connection_id = '${connectionId}'`,
    );
    expect(rows.n).toBe(VOLUME);
    expect(rows.distinct_ids).toBe(VOLUME);
    const check = await queryDb<{ integrity_check: string }>(db, 'PRAGMA integrity_check');
    expect(check.integrity_check).toBe('ok');

    // Resuming means the pages before the kill were not fetched again: a restart from the
    // beginning would have asked for every one of them a second time.
    const { requests } = await sandbox.inspect<{ requests: { method: string; path: string }[] }>('/_sandbox/requests');
    const pages = requests.filter((r) => r.method === 'GET' && r.path === '/v1/join-requests').length;
    expect(pages).toBeLessThan(VOLUME / PAGE + 10);
  } finally {
    await app?.stop();
    await sandbox.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
