import { afterEach, describe, expect, it } from 'vitest';
import type { Connector } from '@shared/connectors';
import type { StreamProgress } from '@shared/domain/sync';
import { AppFailure } from '@shared/result';
import type { Store } from '../store/database';
import { sql } from '../store/sql';
import { readCursor } from '../store/repositories/cursors';
import { delay, startRig, until, untilIdle, type SyncRig } from './testing';

let rig: SyncRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

describe('sync engine', () => {
  it('runs each stream on demand, reports progress as events and in the overview, and stops cleanly', async () => {
    rig = await startRig({ volume: 2_500, reports: 30 });
    const events: StreamProgress[] = [];
    rig.hub.subscribe((name, payload) => {
      if (name === 'sync.progress') events.push(payload as StreamProgress);
    });
    const engine = rig.engine();
    expect(await engine.runNow('no-such-connection')).toBe(0);
    expect(await engine.runNow()).toBe(4);
    expect(await engine.runNow()).toBe(0);
    expect((await engine.overview()).running).toBe(true);
    await untilIdle(engine);

    const overview = await engine.overview();
    expect(overview.running).toBe(false);
    const [health] = overview.connections;
    expect(health).toMatchObject({ connectionId: rig.connectionId, state: 'active', pendingPushes: 0, failedPushes: 0 });
    expect(health?.streams.map((s) => [s.stream, s.phase, s.lastError])).toEqual([
      ['communities', 'idle', null],
      ['join-requests', 'idle', null],
      ['messages', 'idle', null],
      ['reports', 'idle', null],
    ]);
    const lastJoin = events.filter((e) => e.stream === 'join-requests').at(-1);
    expect(lastJoin).toMatchObject({ itemsPulled: 2_500, itemsExpected: 2_500, phase: 'idle' });
    expect(events.some((e) => e.stream === 'join-requests' && e.phase === 'running' && e.itemsPulled === 1_000)).toBe(true);

    await engine.stop();
    expect(await engine.runNow()).toBe(0);
  });

  it('a sync asked for one connection while its run is under way goes round once more, with a freshly built connector', async () => {
    rig = await startRig({ volume: 300, reports: 0 });
    const r = rig;
    let built = 0;
    const engine = rig.engine({
      connectorFor: async (id) => {
        built++;
        return r.connectorFor(id);
      },
    });
    expect(await engine.runNow(rig.connectionId)).toBe(4);
    expect(await engine.runNow(rig.connectionId)).toBe(0);
    expect(await engine.runNow(rig.connectionId)).toBe(0);
    await untilIdle(engine);
    // One run, then exactly one more for the two asks made while it ran.
    expect(built).toBe(2);
    expect(await rig.temp.store.reader.get(sql`SELECT count(*) AS n FROM join_requests`)).toEqual({ n: 300 });
  });

  it('pulls on start and schedules the next run from the interval setting', async () => {
    rig = await startRig({ volume: 50, reports: 0 });
    const engine = rig.engine({ intervalMs: () => 10 * 60_000 });
    const before = Date.now();
    engine.start();
    await until(() => engine.liveProgress().length === 4 && engine.liveProgress().every((p) => p.nextRunAt !== null));
    for (const progress of engine.liveProgress()) expect(progress.nextRunAt).toBeGreaterThanOrEqual(before + 10 * 60_000);
    expect(await rig.temp.store.reader.get(sql`SELECT count(*) AS n FROM join_requests`)).toEqual({ n: 50 });
  });

  it('records a failing job without crashing, and the other streams still run', async () => {
    rig = await startRig({ volume: 40, reports: 10 });
    const r = rig;
    const broken = async (id: string): Promise<Connector | null> => {
      const inner = (await r.connectorFor(id))!;
      return { ...inner, pullJoinRequests: async () => Promise.reject(new TypeError('connector bug')) };
    };
    const engine = rig.engine({ connectorFor: broken });
    await engine.runNow();
    await untilIdle(engine);
    expect(await readCursor(rig.temp.store.reader, rig.connectionId, 'join-requests')).toMatchObject({ lastError: 'connector bug' });
    expect(engine.liveProgress().find((p) => p.stream === 'join-requests')).toMatchObject({ phase: 'error', lastError: 'connector bug' });
    expect(await rig.temp.store.reader.get(sql`SELECT count(*) AS n FROM reports`)).toEqual({ n: 10 });
  });

  it('warns that items may have been missed when a stream-only feed was offline longer than it keeps them', async () => {
    rig = await startRig({ volume: 20, reports: 0 });
    const r = rig;
    const streamOnly = async (id: string): Promise<Connector | null> => {
      const inner = (await r.connectorFor(id))!;
      const descriptor = inner.describe();
      return { ...inner, describe: () => ({ ...descriptor, delivery: { ...descriptor.delivery, joinRequests: { mode: 'stream-only', retentionMs: 3_600_000 } } }) };
    };
    await rig.temp.store.writer.transaction((tx) =>
      tx.run(sql`INSERT INTO sync_cursors (connection_id, stream, last_pull_at) VALUES (${r.connectionId}, 'join-requests', ${Date.now() - 3 * 3_600_000})`),
    );
    const engine = rig.engine({ connectorFor: streamOnly });
    await engine.runNow();
    await untilIdle(engine);
    const cursor = await readCursor(rig.temp.store.reader, rig.connectionId, 'join-requests');
    expect(cursor?.lastError).toMatch(/^Last pulled 3 h ago, but the platform keeps join requests for only 1 h: Modboard may have missed items/);
    expect(await rig.temp.store.reader.get(sql`SELECT count(*) AS n FROM join_requests`)).toEqual({ n: 20 });
  });

  it('still warns about an offline gap on the first pull of a combined update stream that replaced older streams (an upgrade)', async () => {
    rig = await startRig({ volume: 20, reports: 0 });
    const r = rig;
    // Join requests and reports arrive over one combined, stream-only update feed, as Telegram's do since migration 0009.
    const combined = async (id: string): Promise<Connector | null> => {
      const inner = (await r.connectorFor(id))!;
      const descriptor = inner.describe();
      const kept = { mode: 'stream-only', retentionMs: 3_600_000 } as const;
      const delivery = { ...descriptor.delivery, joinRequests: kept, reports: kept, combined: ['joinRequests', 'reports'] as const };
      return {
        ...inner,
        describe: () => ({ ...descriptor, delivery }),
        pullUpdates: async (cursor, options) => {
          const page = await inner.pullJoinRequests(cursor, options);
          return { ...page, items: page.items.map((item) => ({ feed: 'joinRequests' as const, item })) };
        },
      };
    };
    // Before the upgrade the same queue was read as the join-requests stream, last 3 h ago.
    await rig.temp.store.writer.transaction((tx) =>
      tx.run(sql`INSERT INTO sync_cursors (connection_id, stream, last_pull_at) VALUES (${r.connectionId}, 'join-requests', ${Date.now() - 3 * 3_600_000})`),
    );
    const engine = rig.engine({ connectorFor: combined });
    await engine.runNow();
    await untilIdle(engine);
    const cursor = await readCursor(rig.temp.store.reader, rig.connectionId, 'updates');
    expect(cursor?.lastError).toMatch(/^Last pulled 3 h ago, but the platform keeps updates for only 1 h: Modboard may have missed items/);
    expect(await rig.temp.store.reader.get(sql`SELECT count(*) AS n FROM join_requests`)).toEqual({ n: 20 });
  });

  it('gives no gap warning on the first pull of a new install', async () => {
    rig = await startRig({ volume: 5, reports: 0 });
    const r = rig;
    const streamOnly = async (id: string): Promise<Connector | null> => {
      const inner = (await r.connectorFor(id))!;
      const descriptor = inner.describe();
      return { ...inner, describe: () => ({ ...descriptor, delivery: { ...descriptor.delivery, joinRequests: { mode: 'stream-only', retentionMs: 3_600_000 } } }) };
    };
    const engine = rig.engine({ connectorFor: streamOnly });
    await engine.runNow();
    await untilIdle(engine);
    expect((await readCursor(rig.temp.store.reader, rig.connectionId, 'join-requests'))?.lastError).toBeNull();
  });

  it('pauses scheduled pulls with a clear message when the disk is full, until asked to sync again', async () => {
    rig = await startRig({ volume: 30, reports: 0 });
    const real = rig.temp.store;
    let full = true;
    let writes = 0;
    const store: Store = {
      ...real,
      writer: {
        transaction: (work) => {
          writes++;
          return full ? Promise.reject(new AppFailure('storage-full', 'disk full')) : real.writer.transaction(work);
        },
      },
    };
    const engine = rig.engine({ store, intervalMs: () => 1_000 });
    engine.start();
    await until(() => engine.liveProgress().some((p) => p.phase === 'error'));
    for (const progress of engine.liveProgress()) expect(progress.lastError).toMatch(/^Syncing is paused: the disk holding Modboard’s data is full/);
    const attempts = writes;
    await delay(1_300);
    expect(writes).toBe(attempts);

    full = false;
    expect(await engine.runNow()).toBe(4);
    await until(() => engine.liveProgress().every((p) => p.phase === 'idle' && p.lastError === null));
    expect(await real.reader.get(sql`SELECT count(*) AS n FROM join_requests`)).toEqual({ n: 30 });
  });
});
