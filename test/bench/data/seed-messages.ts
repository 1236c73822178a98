import type { Store } from '@services/store/database';
import { sql } from '@services/store/sql';
import { personItem, type Backlog } from './backlog';
import { messageBody } from './messages';

const BATCH = 20_000;

/**
 * Fills the backlog's database with `count` messages (FTS-indexed by the schema's
 * triggers) and one open flag per message, set-based: one statement per batch of
 * messages, one for all the flags. Setup for the search figure, not timed.
 */
export async function seedMessages(store: Store, b: Backlog, count: number): Promise<void> {
  for (let start = 0; start < count; start += BATCH) {
    const rows: { i: number; com: string; author: string; name: string; body: string; at: number }[] = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const author = i % b.members;
      rows.push({ i, com: `c${i % b.communities}`, author: `u${author}`, name: personItem(b, author).displayName, body: messageBody(i), at: b.t0 + i * 700 });
    }
    await store.writer.transaction(async (tx) => {
      await tx.run(sql`INSERT INTO messages (id, connection_id, external_id, community_id, conversation_id, author_member_id, author_name,
          body, sent_at, created_at)
        SELECT printf('BENCHMESSAGE%014d', e.value ->> 'i'), ${b.connectionId}, 'm' || (e.value ->> 'i'), c.id,
          'conv' || ((e.value ->> 'i') % 5000), m.id, e.value ->> 'name', e.value ->> 'body', e.value ->> 'at', ${b.t0}
        FROM json_each(${JSON.stringify(rows)}) e
        CROSS JOIN communities c ON c.connection_id = ${b.connectionId} AND c.external_id = e.value ->> 'com'
        LEFT JOIN members m ON m.connection_id = ${b.connectionId} AND m.external_id = e.value ->> 'author'`);
      tx.touch('messages');
    });
  }
  await store.writer.transaction(async (tx) => {
    await tx.run(sql`INSERT INTO flags (id, message_id, community_id, author_sort, community_sort, source, report_count, reasons,
        first_reported_at, last_reported_at, updated_at)
      SELECT printf('BENCHFLAG%017d', m.seq), m.id, m.community_id, lower(m.author_name), c.tree_key, 'platform', 1 + m.seq % 3,
        '["spam"]', m.sent_at, m.sent_at, m.sent_at
      FROM messages m JOIN communities c ON c.id = m.community_id
      WHERE m.connection_id = ${b.connectionId}`);
    tx.touch('flags');
  });
}
