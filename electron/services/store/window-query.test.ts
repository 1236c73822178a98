import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinRequestsWindow } from '../queries/join-requests';
import { seedQueue } from '../../../test/fixtures/seed-queue';
import { openStore, type Store } from './database';
import { sql } from './sql';
import { ANCHOR_STEP, fetchWindow } from './window-query';
import { WindowCache } from './window-cache';

const ROWS = ANCHOR_STEP * 3 + 123;
let dir: string;
let store: Store;
const context = () => ({ reader: store.reader, versionOf: store.versionOf, cache: new WindowCache() });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'modboard-window-'));
  store = await openStore(join(dir, 'db.sqlite'));
  await seedQueue(store, { joinRequests: ROWS, communities: 7 });
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

type Sort = { column: 'requestedAt' | 'personName' | 'communityName'; desc: boolean }[];

/** The slow, obviously correct answer: ORDER BY … LIMIT … OFFSET over the whole table. */
async function naive(offset: number, sort: Sort): Promise<string[]> {
  const keys = { requestedAt: 'requested_at', personName: 'person_sort', communityName: 'community_sort' };
  const order = [...sort.map((s) => `${keys[s.column]} ${s.desc ? 'DESC' : 'ASC'}`), `seq ${sort[0]?.desc ? 'DESC' : 'ASC'}`];
  const rows = await store.reader.all<{ id: string }>({
    text: `SELECT id FROM join_requests WHERE status = 'pending' ORDER BY ${order.join(', ')} LIMIT 50 OFFSET ?`,
    values: [offset],
  });
  return rows.map((r) => r.id);
}

describe('fetchWindow', () => {
  const sorts: Sort[] = [
    [{ column: 'requestedAt', desc: false }],
    [{ column: 'personName', desc: true }],
    [{ column: 'communityName', desc: false }, { column: 'personName', desc: true }],
  ];
  for (const sort of sorts) {
    it(`returns exactly the rows of a plain OFFSET query at every depth (${JSON.stringify(sort)})`, async () => {
      const ctx = context();
      for (const offset of [0, 1, ANCHOR_STEP - 1, ANCHOR_STEP, ANCHOR_STEP + 1, ANCHOR_STEP * 2 + 77, ROWS - 50, ROWS - 1]) {
        const window = await fetchWindow(ctx, joinRequestsWindow, { offset, limit: 50, sort, filters: { status: 'pending' } });
        expect(window.total).toBe(ROWS);
        expect(window.rows.map((r) => r.id), `offset ${offset}`).toEqual(await naive(offset, sort));
      }
    });
  }

  it('counts and pages a filtered and a searched query', async () => {
    const ctx = context();
    const community = await fetchWindow(ctx, joinRequestsWindow, {
      offset: 0, limit: 10, sort: [], filters: { status: 'pending', communityId: 'SEEDCOMMUNITY0000000000003' },
    });
    const expected = await store.reader.get<{ n: number }>(
      sql`SELECT count(*) AS n FROM join_requests WHERE community_id = 'SEEDCOMMUNITY0000000000003'`,
    );
    expect(community.total).toBe(expected?.n);
    expect(community.rows.every((r) => r.communityId === 'SEEDCOMMUNITY0000000000003')).toBe(true);
    const searched = await fetchWindow(ctx, joinRequestsWindow, { offset: 0, limit: 10, sort: [], filters: {}, search: 'gardeni' });
    expect(searched.total).toBe(Math.floor(ROWS / 4));
    const nothing = await fetchWindow(ctx, joinRequestsWindow, { offset: 0, limit: 10, sort: [], filters: {}, search: '"*' });
    expect(nothing).toEqual({ rows: [], total: 0, offset: 0 });
  });

  it('pages a search the same whether it sorts the matches or walks the sort index, at every depth', async () => {
    // "gardening" is in a quarter of the answers; "person" in almost every name, so its deep pages use anchors.
    for (const search of ['gardening', 'person']) {
      const request = (offset: number, sort: Sort) => ({ offset, limit: 40, sort, filters: { status: 'pending' as const }, search });
      for (const sort of [[{ column: 'personName', desc: false }], [{ column: 'requestedAt', desc: true }]] as Sort[]) {
        const sorting = { ...context(), sortMatchesUpTo: Number.POSITIVE_INFINITY };
        const walking = { ...context(), sortMatchesUpTo: 0 };
        const { total } = await fetchWindow(walking, joinRequestsWindow, request(0, sort));
        expect(total).toBeGreaterThan(search === 'person' ? ANCHOR_STEP * 2 : 1_000);
        for (const offset of [0, 39, 1_000, total - 40, ...(total > ANCHOR_STEP * 2 ? [ANCHOR_STEP * 2 + 5] : [])]) {
          const a = await fetchWindow(sorting, joinRequestsWindow, request(offset, sort));
          const b = await fetchWindow(walking, joinRequestsWindow, request(offset, sort));
          expect(a.total).toBe(total);
          expect(a.rows).toHaveLength(40);
          expect(a.rows.map((r) => r.id)).toEqual(b.rows.map((r) => r.id));
        }
      }
    }
  });

  it('sees committed changes: a decided request leaves the pending window and its count', async () => {
    const ctx = context();
    const before = await fetchWindow(ctx, joinRequestsWindow, { offset: 0, limit: 5, sort: [], filters: { status: 'pending' } });
    const first = before.rows[0];
    await store.writer.transaction(async (tx) => {
      await tx.run(sql`UPDATE join_requests SET status = 'approved' WHERE id = ${first?.id ?? ''}`);
      tx.touch('join_requests');
    });
    const after = await fetchWindow(ctx, joinRequestsWindow, { offset: 0, limit: 5, sort: [], filters: { status: 'pending' } });
    expect(after.total).toBe(before.total - 1);
    expect(after.rows[0]?.id).toBe(before.rows[1]?.id);
  });
});
