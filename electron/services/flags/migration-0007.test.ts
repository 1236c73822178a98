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
  dir = mkdtempSync(join(tmpdir(), 'modboard-migration-0007-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 0007 (lifting sanctions)', () => {
  it('upgrades a version-6 database with sanctions in it: each kept, none lifted, still counted', async () => {
    const file = join(dir, 'v6.sqlite');
    const v6 = await SqliteConnection.open(file, 'create');
    await migrate(v6, MIGRATIONS.slice(0, 6));
    await v6.exec(`
      INSERT INTO connections (id, kind, name, created_at, updated_at) VALUES ('C', 'sandbox', 'S', 1, 1);
      INSERT INTO communities (id, connection_id, external_id, name, kind, tree_key, created_at, updated_at) VALUES ('G', 'C', 'g', 'G', 'group', 'g', 1, 1);
      INSERT INTO members (id, connection_id, external_id, display_name, first_seen_at, updated_at) VALUES ('M', 'C', 'm', 'M', 1, 1);
      INSERT INTO member_sanctions (id, action_id, outbox_id, member_id, community_id, kind, until, created_at) VALUES ('S1', 'A', 'A.s1', 'M', 'G', 'ban', NULL, 5);
      INSERT INTO member_sanctions (id, action_id, outbox_id, member_id, community_id, kind, until, created_at, undone_at) VALUES ('S2', 'A', 'A.s2', 'M', 'G', 'mute', 9, 5, 6);`);
    await v6.close();

    const store = await openStore(file);
    expect(store.schemaVersion).toBeGreaterThanOrEqual(7);
    expect(await store.reader.all(sql`SELECT id, kind, until, undone_at, lifted_at, lift_action_id, lift_outbox_id FROM member_sanctions ORDER BY id`)).toEqual([
      { id: 'S1', kind: 'ban', until: null, undone_at: null, lifted_at: null, lift_action_id: null, lift_outbox_id: null },
      { id: 'S2', kind: 'mute', until: 9, undone_at: 6, lifted_at: null, lift_action_id: null, lift_outbox_id: null },
    ]);
    const plan = await store.reader.all<{ detail: string }>(sql`EXPLAIN QUERY PLAN SELECT seq FROM member_sanctions WHERE lift_action_id = 'X'`);
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/member_sanctions_lift/);
    await store.close();
  });
});
