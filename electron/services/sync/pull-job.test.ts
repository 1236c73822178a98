import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from '../store/sql';
import { readCursor } from '../store/repositories/cursors';
import { countOf, delay, startRig, untilIdle, type SyncRig } from './testing';

let rig: SyncRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const idsExactlyOnce = async (r: SyncRig, expected: number) => {
  const row = await r.temp.store.reader.get<{ n: number; distinct_ids: number; lo: number; hi: number }>(
    sql`SELECT count(*) AS n, count(DISTINCT external_id) AS distinct_ids,
          min(CAST(substr(external_id, 4) AS INTEGER)) AS lo, max(CAST(substr(external_id, 4) AS INTEGER)) AS hi
        FROM join_requests`,
  );
  expect(row).toEqual({ n: expected, distinct_ids: expected, lo: 0, hi: expected - 1 });
};

describe('pull jobs against the Sandbox', () => {
  it('lands 100,000 join requests exactly once, and a second pull adds nothing', async () => {
    rig = await startRig({ volume: 100_000, reports: 500 });
    const engine = rig.engine();
    const histogram = monitorEventLoopDelay({ resolution: 5 });
    histogram.enable();
    const started = performance.now();
    expect(await engine.runNow()).toBe(4);
    await untilIdle(engine, 120_000);
    const seconds = (performance.now() - started) / 1000;
    histogram.disable();
    await idsExactlyOnce(rig, 100_000);
    const cursor = await readCursor(rig.temp.store.reader, rig.connectionId, 'join-requests');
    expect(cursor).toMatchObject({ itemsTotal: 100_000, lastError: null });
    expect(cursor?.lastCompleteAt).not.toBeNull();
    expect(await countOf(rig, 'reports')).toBe(500);
    console.info(
      `[sync] 100,000 join requests (+ communities, 500 reports) pulled from the Sandbox in ${seconds.toFixed(1)} s: ` +
        `${Math.round(100_000 / seconds)} rows/s; worst event-loop block ${(histogram.max / 1e6).toFixed(1)} ms, ` +
        `p99 ${(histogram.percentile(99) / 1e6).toFixed(1)} ms (Sandbox server in the same process)`,
    );

    rig.server.advance({ joinRequests: 5 });
    expect(await engine.runNow()).toBe(4);
    await untilIdle(engine);
    await idsExactlyOnce(rig, 100_005);
    expect(await readCursor(rig.temp.store.reader, rig.connectionId, 'join-requests')).toMatchObject({ itemsTotal: 100_005 });
  }, 150_000);

  it('resumes an interrupted pull from the last committed cursor: no duplicates, no gaps', async () => {
    rig = await startRig({ volume: 20_000, reports: 0 });
    const first = rig.engine({ tuning: { pageSize: 1_000 } });
    let pages = 0;
    const unsubscribe = rig.hub.subscribe((name, payload) => {
      if (name === 'sync.progress' && (payload as { stream: string; itemsPulled: number }).stream === 'join-requests') {
        if ((payload as { itemsPulled: number }).itemsPulled > 0) pages++;
        // Stop in the middle of the pull, as a quit or crash would.
        if (pages === 7) void first.stop();
      }
    });
    await first.runNow();
    await untilIdle(first);
    unsubscribe();
    const committed = await readCursor(rig.temp.store.reader, rig.connectionId, 'join-requests');
    const landed = await countOf(rig, 'join_requests');
    expect(committed?.cursor).not.toBeNull();
    expect(committed?.lastCompleteAt).toBeNull();
    expect(landed).toBeGreaterThanOrEqual(7_000);
    expect(landed).toBeLessThan(20_000);
    expect(committed?.itemsTotal).toBe(landed);

    const store = await rig.temp.reopen();
    const second = rig.engine({ store });
    await second.runNow();
    await untilIdle(second);
    await idsExactlyOnce(rig, 20_000);
    // Resumed where it stopped: the backlog was read once in total, not twice.
    expect((await readCursor(store.reader, rig.connectionId, 'join-requests'))?.itemsTotal).toBe(20_000);
  }, 60_000);

  it('updates pulled rows in place when another admin handles them on the platform', async () => {
    rig = await startRig({ volume: 300, reports: 20 });
    const engine = rig.engine();
    await engine.runNow();
    await untilIdle(engine);
    rig.server.handleElsewhere({ joinRequestIds: ['jr_1', 'jr_2'], reportIds: ['rp_0'] });
    await delay(5);
    await engine.runNow();
    await untilIdle(engine);
    const rows = await rig.temp.store.reader.all<{ external_id: string; status: string; handled_elsewhere_by: string | null; handled_elsewhere_at: number | null }>(
      sql`SELECT external_id, status, handled_elsewhere_by, handled_elsewhere_at FROM join_requests WHERE external_id IN ('jr_1', 'jr_2', 'jr_3') ORDER BY external_id`,
    );
    expect(rows.map((r) => r.status)).toEqual(['handled-elsewhere', 'handled-elsewhere', 'pending']);
    expect(rows[0]?.handled_elsewhere_by).toEqual(expect.any(String));
    expect(rows[0]?.handled_elsewhere_at).toEqual(expect.any(Number));
    expect(await countOf(rig, 'join_requests')).toBe(300);
  });

  it('starts a stream over from the beginning when the platform no longer knows its cursor', async () => {
    rig = await startRig({ volume: 500, reports: 0 });
    const engine = rig.engine();
    await engine.runNow();
    await untilIdle(engine);
    rig.server.reset();
    await engine.runNow();
    await untilIdle(engine);
    expect(await countOf(rig, 'join_requests')).toBe(500);
    expect(await readCursor(rig.temp.store.reader, rig.connectionId, 'join-requests')).toMatchObject({ itemsTotal: 1_000, lastError: null });
  });
});
