import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { JoinRequestFilters } from '@shared/contract/tables';
import { JOIN_SIGNALS } from '@shared/domain/join-request';
import { seedQueue } from '../../../test/fixtures/seed-queue';
import { SqliteConnection } from '../store/connection';
import { openStore, type Store } from '../store/database';
import { MIGRATIONS, migrate } from '../store/migrations';
import { sql, whereAll } from '../store/sql';
import { tempFolder } from '../store/testing-files';
import { WindowCache } from '../store/window-cache';
import { fetchWindow } from '../store/window-query';
import { joinRequestCommunityCounts } from './community-counts';
import { countableFromFacets, joinRequestConditions } from './join-request-filters';
import { joinRequestsWindow } from './join-requests';

/**
 * The facet counters (migration 0008) answer totals and the side list's per-community
 * counts for platform, answered and signal filters. They are only worth having if they
 * are never wrong: after any mix of decisions, signal changes, moves and deletions,
 * every such filter must count exactly what a scan of the rows counts.
 */
const folder = tempFolder('modboard-facets-');
let store: Store;
let communityIds: string[];
beforeAll(async () => {
  store = await openStore(`${folder.dir}/facets.sqlite`);
  await seedQueue(store, { joinRequests: 3_000, communities: 12 });
  communityIds = (await store.reader.all<{ id: string }>(sql`SELECT id FROM communities ORDER BY id`)).map((r) => r.id);
});
afterAll(async () => {
  await store.close();
  folder.cleanup();
});

const STATUSES = ['pending', 'approved', 'declined', 'snoozed'] as const;

/** Writes the queue really sees: decisions, signal bits set by clustering, a request withdrawn and deleted. */
const writeArb = fc.oneof(
  fc.record({ kind: fc.constant('status' as const), mod: fc.integer({ min: 2, max: 40 }), rest: fc.nat(39), status: fc.constantFrom(...STATUSES) }),
  fc.record({ kind: fc.constant('signals' as const), mod: fc.integer({ min: 2, max: 40 }), rest: fc.nat(39), bit: fc.nat(JOIN_SIGNALS.length - 1) }),
  fc.record({ kind: fc.constant('move' as const), mod: fc.integer({ min: 5, max: 60 }), rest: fc.nat(59), to: fc.nat(11) }),
  fc.record({ kind: fc.constant('delete' as const), mod: fc.integer({ min: 50, max: 400 }), rest: fc.nat(399) }),
);
type Write = typeof writeArb extends fc.Arbitrary<infer W> ? W : never;

async function apply(write: Write): Promise<void> {
  const which = sql`seq % ${write.mod} = ${write.rest % write.mod}`;
  await store.writer.transaction(async (tx) => {
    if (write.kind === 'status') await tx.run(sql`UPDATE join_requests SET status = ${write.status} WHERE ${which}`);
    if (write.kind === 'signals') await tx.run(sql`UPDATE join_requests SET signals = (signals | ${1 << write.bit}) - (signals & ${1 << write.bit}) WHERE ${which}`);
    if (write.kind === 'move') await tx.run(sql`UPDATE join_requests SET community_id = ${communityIds[write.to] ?? ''} WHERE ${which}`);
    if (write.kind === 'delete') await tx.run(sql`DELETE FROM join_requests WHERE ${which}`);
    tx.touch('join_requests');
  });
}

const filtersArb: fc.Arbitrary<JoinRequestFilters> = fc.record(
  {
    status: fc.constantFrom(...STATUSES),
    communityId: fc.nat(11).map((i) => communityIds[i] ?? ''),
    platform: fc.constantFrom('sandbox' as const, 'discord' as const),
    answered: fc.constantFrom('answered' as const, 'unanswered' as const),
    signals: fc.subarray([...JOIN_SIGNALS], { minLength: 1, maxLength: 3 }),
  },
  { requiredKeys: [] },
);

async function scanned(filters: JoinRequestFilters): Promise<{ total: number; perCommunity: Map<string, number> }> {
  const rows = await store.reader.all<{ community_id: string; n: number }>(
    sql`SELECT j.community_id, count(*) AS n FROM join_requests j${whereAll(joinRequestConditions(filters))} GROUP BY j.community_id`,
  );
  return { total: rows.reduce((sum, r) => sum + r.n, 0), perCommunity: new Map(rows.map((r) => [r.community_id, r.n])) };
}

describe('join-request facet counters', () => {
  it('count exactly what a scan counts, for every facet filter, after any sequence of writes', async () => {
    const windows = { reader: store.reader, versionOf: store.versionOf, cache: new WindowCache() };
    await fc.assert(
      fc.asyncProperty(fc.array(writeArb, { maxLength: 4 }), fc.array(filtersArb, { minLength: 1, maxLength: 4 }), async (writes, filterSets) => {
        for (const write of writes) await apply(write);
        for (const filters of filterSets) {
          expect(countableFromFacets(filters)).toBe(true);
          const truth = await scanned(filters);
          const window = await fetchWindow(windows, joinRequestsWindow, { filters, sort: [], offset: 0, limit: 5 });
          expect(window.total).toBe(truth.total);
          const { communityId: _ignored, ...others } = filters;
          const sideTruth = await scanned(others);
          const side = await joinRequestCommunityCounts(store.reader, filters);
          expect(new Map(side.map((c) => [c.communityId, c.count]))).toEqual(sideTruth.perCommunity);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('leave filters on time and clusters to a scan, since counters cannot know them', () => {
    expect(countableFromFacets({ status: 'pending', accountAgeMaxDays: 30 })).toBe(false);
    expect(countableFromFacets({ status: 'pending', requestedWithinHours: 2 })).toBe(false);
    expect(countableFromFacets({ status: 'pending', clusterKey: 'k' })).toBe(false);
    expect(countableFromFacets({ status: 'pending', platform: 'sandbox', signals: ['cluster'] })).toBe(true);
  });

  it('are built from the rows already there when an older database is upgraded', async () => {
    const file = `${folder.dir}/v7.sqlite`;
    const v7 = await SqliteConnection.open(file, 'create');
    await migrate(v7, MIGRATIONS.slice(0, 7));
    await v7.exec(`
      INSERT INTO connections (id, kind, name, created_at, updated_at) VALUES ('C', 'sandbox', 'S', 1, 1);
      INSERT INTO communities (id, connection_id, external_id, name, kind, tree_key, created_at, updated_at) VALUES ('G', 'C', 'g', 'G', 'group', 'g', 1, 1);
      INSERT INTO members (id, connection_id, external_id, display_name, first_seen_at, updated_at) VALUES ('M', 'C', 'm', 'M', 1, 1);
      INSERT INTO join_requests (id, connection_id, external_id, community_id, member_id, person_name, person_sort, community_sort, requested_at, signals, status, created_at, updated_at)
      VALUES ('J1', 'C', 'j1', 'G', 'M', 'M', 'm', 'g', 5, 4, 'pending', 1, 1), ('J2', 'C', 'j2', 'G', 'M', 'M', 'm', 'g', 6, 4, 'pending', 1, 1),
             ('J3', 'C', 'j3', 'G', 'M', 'M', 'm', 'g', 7, 0, 'declined', 1, 1);`);
    await v7.close();
    const upgraded = await openStore(file);
    try {
      expect(await upgraded.reader.all(sql`SELECT status, signals, n FROM join_request_facets ORDER BY status`)).toEqual([
        { status: 'declined', signals: 0, n: 1 },
        { status: 'pending', signals: 4, n: 2 },
      ]);
    } finally {
      await upgraded.close();
    }
  });
});
