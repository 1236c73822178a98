import type { Store } from '../../store/database';
import { sql } from '../../store/sql';

/**
 * Test and benchmark support (imported by tests and test/bench only): `count` stored
 * messages in SEED_COMMUNITIES communities, written set-based in one transaction per
 * 20,000, where which ones an "airdrop" keyword rule matches, and which of those a
 * moderator dismissed, follow from the index alone, so the expected backtest is exact.
 */
export const SEED_COMMUNITIES = 7;
export const SEED_CONNECTION = 'BTCONN';
const BATCH = 20_000;
const T0 = Date.UTC(2026, 6, 1);

/** Message `i`'s text: every 13th says the word, the next one only a longer word that contains it (no match). */
export function seedBody(i: number): string {
  if (i % 13 === 0) return `Claim your free AIRDROP today! #${i}`;
  if (i % 13 === 1) return `airdropping is not the word #${i}`;
  return `An ordinary message number ${i} about the weekend plans`;
}

/** Message `i`'s flag: every 39th dismissed by a moderator, every 10th otherwise still open; null when unflagged. */
export const seedFlagStatus = (i: number): 'dismissed' | 'open' | null => (i % 39 === 0 ? 'dismissed' : i % 10 === 0 ? 'open' : null);

export const seedCommunityId = (i: number) => `BTCOM${i % SEED_COMMUNITIES}`;
export const seedMessageId = (i: number) => `BTMSG${String(i).padStart(9, '0')}`;

export async function seedBacktestMessages(store: Store, count: number): Promise<void> {
  await store.writer.transaction(async (tx) => {
    await tx.run(sql`INSERT INTO connections (id, kind, name, created_at, updated_at) VALUES (${SEED_CONNECTION}, 'sandbox', 'Backtest seed', 1, 1)`);
    await tx.run(sql`WITH RECURSIVE n(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM n WHERE k + 1 < ${SEED_COMMUNITIES})
      INSERT INTO communities (id, connection_id, external_id, name, kind, tree_key, created_at, updated_at)
      SELECT 'BTCOM' || k, ${SEED_CONNECTION}, 'c' || k, 'Community ' || k, 'group', 'community ' || k, 1, 1 FROM n`);
    tx.touch('connections', 'communities');
  });
  for (let start = 0; start < count; start += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, count - start) }, (_, j) => {
      const i = start + j;
      return { id: seedMessageId(i), c: seedCommunityId(i), body: seedBody(i), at: T0 + i * 1_000, flag: seedFlagStatus(i) };
    });
    const json = JSON.stringify(rows);
    await store.writer.transaction(async (tx) => {
      await tx.run(sql`INSERT INTO messages (id, connection_id, external_id, community_id, conversation_id, author_name, body, sent_at, created_at)
        SELECT e.value ->> 'id', ${SEED_CONNECTION}, e.value ->> 'id', e.value ->> 'c', 'conv', 'Author', e.value ->> 'body', e.value ->> 'at', ${T0}
        FROM json_each(${json}) e`);
      await tx.run(sql`INSERT INTO flags (id, message_id, community_id, author_sort, community_sort, source, report_count, first_reported_at,
          last_reported_at, status, updated_at)
        SELECT 'F' || (e.value ->> 'id'), e.value ->> 'id', e.value ->> 'c', 'author', 'c', 'platform', 1, ${T0}, ${T0}, e.value ->> 'flag', ${T0}
        FROM json_each(${json}) e WHERE e.value ->> 'flag' IS NOT NULL`);
      tx.touch('messages', 'flags');
    });
  }
}
