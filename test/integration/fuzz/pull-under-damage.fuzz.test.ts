import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector, Cursor, Page } from '@shared/connectors';
import { silentLogger } from '@services/app/logger';
import { EventHub } from '@services/contract/event-hub';
import { addConnection, openTempStore } from '@services/store/repositories/testing';
import { sql, trusted } from '@services/store/sql';
import { createSyncEngine } from '@services/sync/engine';
import { untilIdle } from '@services/sync/testing';
import { mangleArbitrary } from './mangling-proxy';
import { PLATFORMS, type FuzzPlatform } from './platforms';

/**
 * The sync engine pulling through a connector whose answers get damaged one at a time:
 * the store holds only whole pages (each written with its cursor, or not at all), and
 * once the damage is gone a pull from the committed cursors reaches exactly the items
 * a clean walk of the platform finds: no item skipped, none doubled. Telegram is left
 * out here: its updates are consumed when confirmed, so there is no second clean walk
 * to compare with (its parsing is fuzzed in connector-responses.fuzz.test.ts).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const CONNECTION = 'FUZZ';

async function walk<T extends { externalId: string }>(pull: (cursor: Cursor | null) => Promise<Page<T>>): Promise<Set<string>> {
  const ids = new Set<string>();
  let cursor: Cursor | null = null;
  for (let pages = 0; pages < 1_000; pages++) {
    const page: Page<T> = await pull(cursor);
    for (const item of page.items) ids.add(item.externalId);
    cursor = page.next;
    if (page.complete) return ids;
  }
  throw new Error('the walk never completed');
}

async function cleanWalk(connector: Connector) {
  const has = (capability: string) => connector.describe().capabilities.includes(capability as never);
  return {
    communities: await walk((c) => connector.listCommunities(c, { limit: 7 })),
    join_requests: has('joinRequests.pull') ? await walk((c) => connector.pullJoinRequests(c, { limit: 7 })) : new Set<string>(),
    reports: has('reports.pull') ? await walk((c) => connector.pullReports(c, { limit: 7 })) : new Set<string>(),
    messages: has('messages.pull') ? await walk((c) => connector.pullMessages(c, { limit: 7 })) : new Set<string>(),
  };
}

/**
 * The connector as the engine sees it, without rate hints (limits are not what is tested
 * here: the engine pulls as fast as the fake answers), counting the pulls that failed.
 */
function observed(connector: Connector, failures: { count: number }): Connector {
  const counting =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    (...args: A) =>
      call(...args).catch((error: unknown) => {
        failures.count++;
        throw error;
      });
  return {
    ...connector,
    describe: () => ({ ...connector.describe(), rateHints: [] }),
    listCommunities: counting(connector.listCommunities.bind(connector)),
    pullJoinRequests: counting(connector.pullJoinRequests.bind(connector)),
    pullReports: counting(connector.pullReports.bind(connector)),
    pullMessages: counting(connector.pullMessages.bind(connector)),
  };
}

describe.each(['sandbox', 'discourse', 'discord'])('pulls from %s with one damaged answer', (platformName) => {
  let platform: FuzzPlatform;
  let expected: Awaited<ReturnType<typeof cleanWalk>>;
  beforeAll(async () => {
    platform = await (PLATFORMS[platformName] as () => Promise<FuzzPlatform>)();
    expected = await cleanWalk(platform.connector);
  });
  afterAll(() => platform.close());

  it('keeps only whole pages, and a clean pull afterwards skips and doubles nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(12), mangleArbitrary, async (nth, how) => {
        const temp = await openTempStore('modboard-pull-fuzz-');
        const failures = { count: 0 };
        const engine = createSyncEngine({
          store: temp.store,
          hub: new EventHub(),
          log: silentLogger,
          connectorFor: async (id) => (id === CONNECTION ? observed(platform.connector, failures) : null),
          intervalMs: () => 3_600_000,
          device: 'fuzz',
          tuning: { pageSize: 7, backoff: { baseMs: 1, capMs: 5 } },
        });
        try {
          await addConnection(temp.store, CONNECTION);
          platform.proxy.arm(nth, how);
          await engine.runNow();
          await untilIdle(engine, 30_000);
          // Whole pages only: every stored item was counted by the cursor committed with its page.
          // (Communities are left out: a join request's ingest may add the community it names.)
          const counted = await temp.store.reader.all<{ stream: string; total: number }>(sql`SELECT stream, items_total AS total FROM sync_cursors`);
          const rows = await temp.store.reader.get<{ join_requests: number; reports: number }>(
            sql`SELECT (SELECT count(*) FROM join_requests) AS join_requests, (SELECT count(*) FROM reports) AS reports`,
          );
          const total = (stream: string) => counted.find((c) => c.stream === stream)?.total ?? 0;
          if (platformName === 'sandbox') {
            expect(rows?.join_requests).toBe(total('join-requests'));
            expect(rows?.reports).toBe(total('reports'));
          }
          // A damaged answer the connector accepted (an item left out of a list, an id changed) is
          // indistinguishable from the platform's word: only a rejected one must leave no trace.
          const rejected = failures.count > 0;
          // The damage is gone: pulling on from the committed cursors reaches everything, once.
          await engine.runNow();
          await untilIdle(engine, 30_000);
          if (!rejected) return;
          // Reports bring messages of their own (the reported one, its context): the feed's must all be there, once.
          const messages = await temp.store.reader.all<{ external_id: string }>(sql`SELECT external_id FROM messages`);
          const storedMessages = new Set(messages.map((r) => r.external_id));
          for (const id of expected.messages) expect(storedMessages.has(id), `message ${id} after ${how.kind} of request ${nth}`).toBe(true);
          for (const table of ['communities', 'join_requests', 'reports'] as const) {
            const stored = await temp.store.reader.all<{ external_id: string }>(sql`SELECT external_id FROM ${trusted(table)}`);
            expect(stored.length, `${table} holds a duplicate`).toBe(new Set(stored.map((r) => r.external_id)).size);
            expect(new Set(stored.map((r) => r.external_id)), `${table} after ${how.kind} of request ${nth}`).toEqual(expected[table]);
          }
        } finally {
          await engine.stop();
          await temp.cleanup();
        }
      }),
      { numRuns: RUNS },
    );
  }, 180_000);
});
