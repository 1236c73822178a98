import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import type { Connector, JoinRequestItem, Page } from '@shared/connectors';
import { sql } from '../store/sql';
import { startRig, untilIdle, type SyncRig } from './testing';

/**
 * Ingest figures at scale, off by default (minutes, and a few GB of temp disk):
 * `MODBOARD_SLOW=1 npx vitest run --config test/vitest.config.ts electron/services/sync/ingest-benchmark`
 */
let rig: SyncRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const ms = (ns: number) => (ns / 1e6).toFixed(1);

async function timedPull(r: SyncRig, connectorFor: (id: string) => Promise<Connector | null>, expected: number, label: string) {
  const engine = r.engine({ connectorFor });
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  const started = performance.now();
  await engine.runNow();
  await untilIdle(engine, 1_800_000);
  const seconds = (performance.now() - started) / 1000;
  histogram.disable();
  const row = await r.temp.store.reader.get<{ n: number }>(sql`SELECT count(*) AS n FROM join_requests`);
  expect(row?.n).toBe(expected);
  console.info(
    `[sync] ${label}: ${expected.toLocaleString('en')} join requests in ${seconds.toFixed(1)} s = ${Math.round(expected / seconds)} rows/s; ` +
      `event loop blocked at worst ${ms(histogram.max)} ms (p99 ${ms(histogram.percentile(99))} ms, mean ${ms(histogram.mean)} ms)`,
  );
}

describe.skipIf(!process.env.MODBOARD_SLOW)('ingest at scale', () => {
  it('1,000,000 join requests from the Sandbox (server in the same process)', async () => {
    rig = await startRig({ volume: 1_000_000, reports: 0 });
    await timedPull(rig, rig.connectorFor, 1_000_000, 'Sandbox over loopback');
  }, 1_800_000);

  it('100,000 join requests replayed from memory: the engine alone (no HTTP, no Sandbox work on this thread)', async () => {
    rig = await startRig({ volume: 100_000, reports: 0 });
    const r = rig;
    const live = (await r.connectorFor(r.connectionId))!;
    const pages: Page<JoinRequestItem>[] = [];
    for (let cursor: string | null = null; ; ) {
      const page = await live.pullJoinRequests(cursor, { limit: 1_000 });
      pages.push(page);
      if (page.complete) break;
      cursor = page.next;
    }
    const replay: Connector = {
      ...live,
      listCommunities: async () => ({ items: [], next: null, complete: true }),
      pullReports: async () => ({ items: [], next: null, complete: true }),
      pullJoinRequests: async (cursor) => pages[cursor === null ? 0 : Number(cursor)]!,
    };
    pages.forEach((page, i) => (pages[i] = { ...page, next: i + 1 < pages.length ? String(i + 1) : null }));
    await timedPull(r, async () => replay, 100_000, 'engine only, pages from memory');
  }, 600_000);
});
