import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteConnection } from '../connection';
import { openStore } from '../database';
import { MIGRATIONS, migrate } from '../migrations';
import { sql } from '../sql';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'modboard-migration-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const indexes = (connection: SqliteConnection) =>
  connection.all<{ name: string }>(sql`SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'join_requests' AND name LIKE 'join_requests_member%' ORDER BY name`);

describe('migration 0002 (sync ingest indexes)', () => {
  it('upgrades a version-1 database with join requests in it, keeping every row', async () => {
    const file = join(dir, 'v1.sqlite');
    const v1 = await SqliteConnection.open(file, 'create');
    await migrate(v1, MIGRATIONS.slice(0, 1));
    await v1.exec(`
      INSERT INTO connections (id, kind, name, created_at, updated_at) VALUES ('C', 'sandbox', 'S', 1, 1);
      INSERT INTO communities (id, connection_id, external_id, name, kind, tree_key, created_at, updated_at) VALUES ('G', 'C', 'g', 'G', 'group', 'g', 1, 1);
      INSERT INTO members (id, connection_id, external_id, display_name, first_seen_at, updated_at) VALUES ('M', 'C', 'm', 'M', 1, 1);
      INSERT INTO join_requests (id, connection_id, external_id, community_id, member_id, person_name, person_sort, community_sort, requested_at, status, decision, created_at, updated_at)
      VALUES ('J1', 'C', 'j1', 'G', 'M', 'M', 'm', 'g', 5, 'declined', 'decline', 1, 1), ('J2', 'C', 'j2', 'G', 'M', 'M', 'm', 'g', 6, 'pending', NULL, 1, 1);`);
    expect(await indexes(v1)).toEqual([{ name: 'join_requests_member' }]);
    await v1.close();

    const store = await openStore(file);
    expect(store.schemaVersion).toBeGreaterThanOrEqual(2);
    await store.close();
    const upgraded = await SqliteConnection.open(file, 'readonly');
    expect(await indexes(upgraded)).toEqual([{ name: 'join_requests_member_declined' }, { name: 'join_requests_member_time' }]);
    expect(await upgraded.all(sql`SELECT id FROM join_requests INDEXED BY join_requests_member_declined
      WHERE member_id = 'M' AND (status = 'declined' OR decision IN ('decline', 'decline-ban'))`)).toEqual([{ id: 'J1' }]);
    expect(await upgraded.get(sql`SELECT count(*) AS n FROM join_requests`)).toEqual({ n: 2 });
    await upgraded.close();
  });
});
