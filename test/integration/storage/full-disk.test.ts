import { afterEach, describe, expect, it } from 'vitest';
import { EventHub } from '@services/contract/event-hub';
import { createDispatcher, type Handlers } from '@services/contract/dispatch';
import { joinRequestHandlers } from '@services/contract/handlers/join-request-handlers';
import { silentLogger } from '@services/app/logger';
import { createSettingsService } from '@services/settings/settings-service';
import type { Store } from '@services/store/database';
import { sql, trusted } from '@services/store/sql';
import { fingerprint } from '@services/store/testing-files';
import { openTempStore, type TempStore } from '@services/store/repositories/testing';
import { WindowCache } from '@services/store/window-cache';
import { startRig, until, untilIdle, type SyncRig } from '@services/sync/testing';
import { seedQueue } from '../../fixtures/seed-queue';

/**
 * A full disk, simulated by capping the database's size (`PRAGMA max_page_count` on the
 * write connection): SQLite fails the write with SQLITE_FULL exactly as when the disk
 * has no room left.
 */
async function capPages(store: Store, extraPages: number): Promise<void> {
  await store.writer.transaction(async (tx) => {
    const { page_count } = (await tx.get<{ page_count: number }>(trusted('PRAGMA page_count'))) ?? { page_count: 0 };
    await tx.get(trusted(`PRAGMA max_page_count = ${page_count + extraPages}`));
  });
}
const uncap = (store: Store) => store.writer.transaction((tx) => tx.get(trusted('PRAGMA max_page_count = 4294967294')));

let temp: TempStore | undefined;
let rig: SyncRig | undefined;
afterEach(async () => {
  await temp?.cleanup();
  await rig?.close();
  temp = rig = undefined;
});

function decisionsApi(store: Store, dataDir: string) {
  const settings = createSettingsService({ read: () => ({}), write: () => {} }, silentLogger);
  const context = {
    dataDir,
    appVersion: 'test',
    actor: 'me',
    store,
    settings,
    host: { kind: 'browser' as const, openExternal: async () => false },
    hub: new EventHub(),
    log: silentLogger,
    windows: new WindowCache(),
    // Restoring a backup is not what this test is about.
    recovery: { status: () => ({ setAside: null, backups: [] }), restore: () => Promise.reject(new Error('no restore in this test')) },
  };
  return createDispatcher(joinRequestHandlers(context, { connectorFor: async () => null }, () => {}) as unknown as Handlers, silentLogger);
}

describe('a full disk', () => {
  it('fails a bulk decision with storage-full, leaves no partial state, and decides once there is room again', async () => {
    temp = await openTempStore('modboard-full-');
    await seedQueue(temp.store, { joinRequests: 5_000, communities: 4 });
    const dispatch = decisionsApi(temp.store, temp.dir);
    const decline = { target: { kind: 'query', filters: {}, except: [] }, decision: 'decline', reasonText: 'spam wave' };
    await capPages(temp.store, 2);
    const before = await fingerprint(temp.file);

    const refused = await dispatch('joinRequests.decide', decline);
    expect(refused).toEqual({
      ok: false,
      error: { code: 'storage-full', message: 'The disk holding Modboard’s data is full. Nothing was saved; free some space and try again.' },
    });
    expect(await fingerprint(temp.file)).toBe(before);

    await uncap(temp.store);
    const decided = await dispatch('joinRequests.decide', decline);
    expect(decided).toMatchObject({ ok: true, value: { count: 5_000 } });
    const counts = await temp.store.reader.get(sql`SELECT (SELECT count(*) FROM outbox) AS outbox,
      (SELECT count(*) FROM join_requests WHERE status = 'declined') AS declined`);
    expect(counts).toEqual({ outbox: 5_000, declined: 5_000 });
  });

  it('stops a pull with a clear message and no half-written page, and resumes when there is room', async () => {
    rig = await startRig({ volume: 3_000, reports: 0 });
    const engine = rig.engine({ intervalMs: () => 3_600_000 });
    const store = rig.temp.store;
    await capPages(store, 4);
    engine.start();
    await until(() => engine.liveProgress().some((p) => p.phase === 'error'), 20_000, 'the pull to fail');
    await untilIdle(engine);
    const errors = engine.liveProgress().map((p) => p.lastError);
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) expect(error).toMatch(/^Syncing is paused: the disk holding Modboard’s data is full/);
    // Each page commits with its cursor or not at all: what landed is whole pages, each counted by its cursor.
    const landed = await store.reader.all<{ stream: string; rows: number; counted: number }>(sql`
      SELECT 'communities' AS stream, (SELECT count(*) FROM communities) AS rows,
        coalesce((SELECT items_total FROM sync_cursors WHERE stream = 'communities'), 0) AS counted
      UNION ALL SELECT 'join-requests', (SELECT count(*) FROM join_requests),
        coalesce((SELECT items_total FROM sync_cursors WHERE stream = 'join-requests'), 0)`);
    for (const stream of landed) expect(stream.rows, stream.stream).toBe(stream.counted);
    expect((landed[1]?.rows ?? 0) % 1_000).toBe(0);
    expect(landed[1]?.rows).toBeLessThan(3_000);

    await uncap(store);
    expect(await engine.runNow()).toBeGreaterThan(0);
    await until(async () => (await store.reader.get<{ n: number }>(sql`SELECT count(*) AS n FROM join_requests`))?.n === 3_000, 30_000, 'all items');
    await untilIdle(engine);
    expect(engine.liveProgress().every((p) => p.lastError === null)).toBe(true);
    expect(await store.reader.get(sql`SELECT count(DISTINCT external_id) AS n FROM join_requests`)).toEqual({ n: 3_000 });
  });
});
