import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteConnection } from '../store/connection';
import { openStore } from '../store/database';
import { MIGRATIONS, migrate } from '../store/migrations';
import { sql, trusted } from '../store/sql';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'modboard-migration-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 0004 (rules, bursts)', () => {
  it('upgrades a version-3 database: old answer-hash clusters dropped, other signals and every row kept, rules versioned', async () => {
    const file = join(dir, 'v3.sqlite');
    const v3 = await SqliteConnection.open(file, 'create');
    await migrate(v3, MIGRATIONS.slice(0, 3));
    await v3.exec(`
      INSERT INTO connections (id, kind, name, created_at, updated_at) VALUES ('C', 'sandbox', 'S', 1, 1);
      INSERT INTO communities (id, connection_id, external_id, name, kind, tree_key, created_at, updated_at) VALUES ('G', 'C', 'g', 'G', 'group', 'g', 1, 1);
      INSERT INTO members (id, connection_id, external_id, display_name, first_seen_at, updated_at) VALUES ('M', 'C', 'm', 'M', 1, 1);
      INSERT INTO join_requests (id, connection_id, external_id, community_id, member_id, person_name, person_sort, community_sort, requested_at, signals, cluster_key, created_at, updated_at)
      VALUES ('J1', 'C', 'j1', 'G', 'M', 'M', 'm', 'g', 5, 32 | 1, 'hi pls accept', 1, 1), ('J2', 'C', 'j2', 'G', 'M', 'M', 'm', 'g', 6, 4, NULL, 1, 1);
      INSERT INTO rules (id, kind, name, definition, created_at, updated_at) VALUES ('R', 'alert', 'old', '{}', 1, 1);`);
    await v3.close();

    const store = await openStore(file);
    expect(store.schemaVersion).toBeGreaterThanOrEqual(4);
    expect(await store.reader.all(sql`SELECT id, signals, cluster_key FROM join_requests ORDER BY id`)).toEqual([
      { id: 'J1', signals: 1, cluster_key: null },
      { id: 'J2', signals: 4, cluster_key: null },
    ]);
    expect(await store.reader.get(sql`SELECT version, hits, deleted_at, backtested_version FROM rules WHERE id = 'R'`)).toEqual({
      version: 1,
      hits: 0,
      deleted_at: null,
      backtested_version: null,
    });
    for (const table of ['rule_versions', 'rule_inbox', 'cluster_hours', 'join_request_clusters'])
      expect(await store.reader.get(trusted(`SELECT count(*) AS n FROM ${table}`)), table).toEqual({ n: 0 });
    await store.close();
  });
});
