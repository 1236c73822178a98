import { openStore, type Store } from '@services/store/database';
import { ingestCommunities } from '@services/store/repositories/communities-ingest';
import { sql } from '@services/store/sql';
import { communityItem, type Backlog } from './backlog';

/**
 * A new database with the backlog's connection and communities, as after the first
 * communities pull: what both ingest paths start from (not part of their timing).
 */
export async function openBacklogStore(file: string, b: Backlog): Promise<Store> {
  const store = await openStore(file);
  const now = b.t0;
  await store.writer.transaction(async (tx) => {
    await tx.run(sql`INSERT INTO connections (id, kind, name, created_at, updated_at)
      VALUES (${b.connectionId}, 'sandbox', 'Benchmark backlog', ${now}, ${now})`);
    tx.touch('connections');
    await ingestCommunities(
      tx,
      b.connectionId,
      Array.from({ length: b.communities }, (_, k) => communityItem(k)),
      now,
    );
  });
  return store;
}
