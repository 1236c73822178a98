import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteConnection } from '../connection';
import { openStore } from '../database';
import { MIGRATIONS, migrate } from '../migrations';
import { sql } from '../sql';
import { commitPage } from './cursors';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'modboard-migration-0009-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 0009 (messages and combined update streams)', () => {
  it('upgrades a version-8 database keeping every cursor, and then takes the two new streams', async () => {
    const file = join(dir, 'v8.sqlite');
    const v8 = await SqliteConnection.open(file, 'create');
    await migrate(v8, MIGRATIONS.slice(0, 8));
    await v8.exec(`
      INSERT INTO connections (id, kind, name, created_at, updated_at) VALUES ('C', 'telegram', 'T', 1, 1);
      INSERT INTO sync_cursors (connection_id, stream, cursor, items_total, last_pull_at, last_complete_at, last_error)
      VALUES ('C', 'join-requests', 'tg.j.600.5', 250, 5, 5, NULL), ('C', 'reports', 'tg.r.601.5', 2, 5, NULL, 'may have missed items');`);
    await expect(v8.exec(`INSERT INTO sync_cursors (connection_id, stream) VALUES ('C', 'messages')`)).rejects.toThrow(/CHECK/);
    await v8.close();

    const store = await openStore(file);
    expect(store.schemaVersion).toBeGreaterThanOrEqual(9);
    expect(await store.reader.all(sql`SELECT connection_id, stream, cursor, items_total, last_pull_at, last_complete_at, last_error FROM sync_cursors ORDER BY stream`)).toEqual([
      { connection_id: 'C', stream: 'join-requests', cursor: 'tg.j.600.5', items_total: 250, last_pull_at: 5, last_complete_at: 5, last_error: null },
      { connection_id: 'C', stream: 'reports', cursor: 'tg.r.601.5', items_total: 2, last_pull_at: 5, last_complete_at: null, last_error: 'may have missed items' },
    ]);
    await store.writer.transaction(async (tx) => {
      await commitPage(tx, { connectionId: 'C', stream: 'updates', cursor: 'tg.u.700.9', items: 3, complete: true, now: 9, lastError: null });
      await commitPage(tx, { connectionId: 'C', stream: 'messages', cursor: 'x', items: 1, complete: false, now: 9, lastError: null });
    });
    expect(await store.reader.all(sql`SELECT stream, items_total FROM sync_cursors ORDER BY stream`)).toEqual([
      { stream: 'join-requests', items_total: 250 },
      { stream: 'messages', items_total: 1 },
      { stream: 'reports', items_total: 2 },
      { stream: 'updates', items_total: 3 },
    ]);
    // The cursors go with their connection, as before the rebuild.
    await store.writer.transaction((tx) => tx.run(sql`DELETE FROM connections WHERE id = 'C'`));
    expect(await store.reader.get(sql`SELECT count(*) AS n FROM sync_cursors`)).toEqual({ n: 0 });
    await store.close();
  });
});
