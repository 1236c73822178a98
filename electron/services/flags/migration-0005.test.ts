import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteConnection } from '../store/connection';
import { openStore } from '../store/database';
import { MIGRATIONS, migrate } from '../store/migrations';
import { sql } from '../store/sql';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'modboard-migration-0005-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 0005 (flags)', () => {
  it('upgrades a version-4 database with flags and reports in it, keeping every row, and seeds the removal reasons', async () => {
    const file = join(dir, 'v4.sqlite');
    const v4 = await SqliteConnection.open(file, 'create');
    await migrate(v4, MIGRATIONS.slice(0, 4));
    await v4.exec(`
      INSERT INTO connections (id, kind, name, created_at, updated_at) VALUES ('C', 'sandbox', 'S', 1, 1);
      INSERT INTO communities (id, connection_id, external_id, name, kind, tree_key, created_at, updated_at) VALUES ('G', 'C', 'g', 'G', 'group', 'g', 1, 1);
      INSERT INTO members (id, connection_id, external_id, display_name, first_seen_at, updated_at) VALUES ('M', 'C', 'm', 'M', 1, 1);
      INSERT INTO messages (id, connection_id, external_id, community_id, conversation_id, author_member_id, author_name, body, sent_at, created_at)
      VALUES ('X', 'C', 'x', 'G', 'cv', 'M', 'M', 'hello', 5, 1);
      INSERT INTO flags (id, message_id, community_id, author_sort, community_sort, source, report_count, first_reported_at, last_reported_at, status, updated_at)
      VALUES ('F', 'X', 'G', 'm', 'g', 'platform', 1, 6, 6, 'dismissed', 1);
      INSERT INTO reports (id, connection_id, external_id, flag_id, message_id, reason, reported_at, status, created_at)
      VALUES ('R', 'C', 'r', 'F', 'X', 'spam', 6, 'resolved', 1);`);
    await v4.close();

    const store = await openStore(file);
    expect(store.schemaVersion).toBeGreaterThanOrEqual(5);
    expect(await store.reader.get(sql`SELECT status, revision, last_action_id, previous_status FROM flags`)).toEqual({
      status: 'dismissed',
      revision: 0,
      last_action_id: null,
      previous_status: null,
    });
    expect(await store.reader.get(sql`SELECT status, resolved_by_action FROM reports`)).toEqual({ status: 'resolved', resolved_by_action: null });
    expect(await store.reader.get(sql`SELECT body, text_key FROM messages`)).toEqual({ body: 'hello', text_key: null });
    expect(await store.reader.all(sql`SELECT position FROM removal_reasons ORDER BY position`)).toEqual([1, 2, 3, 4, 5].map((position) => ({ position })));
    await expect(
      store.writer.transaction(async (tx) => {
        await tx.run(sql`INSERT INTO flag_evidence (id, flag_id, action_id, captured_at, actor, device, snapshot, sha256) VALUES ('E', 'F', 'A', 1, 'me', 'd', '{}', 'h')`);
        await tx.run(sql`DELETE FROM flag_evidence`);
      }),
    ).rejects.toThrow(/append-only/);
    await store.close();
  });
});
