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
  dir = mkdtempSync(join(tmpdir(), 'modboard-migration-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const VERSION = 6;

describe('migration 0006 (announcements)', () => {
  it('upgrades a version-5 database with a sent announcement in it, keeping every row', async () => {
    const file = join(dir, 'v5.sqlite');
    const v5 = await SqliteConnection.open(file, 'create');
    await migrate(v5, MIGRATIONS.slice(0, VERSION - 1));
    await v5.exec(`
      INSERT INTO connections (id, kind, name, created_at, updated_at) VALUES ('C', 'sandbox', 'S', 1, 1);
      INSERT INTO communities (id, connection_id, external_id, name, kind, tree_key, language, custom_fields, created_at, updated_at)
        VALUES ('G', 'C', 'g', 'G', 'group', 'g', 'en', '{"venue":"Hall 3"}', 1, 1);
      INSERT INTO community_tags (community_id, tag) VALUES ('G', 'news');
      INSERT INTO announcements (id, title, body, status, created_by, created_at, updated_at) VALUES ('A', 'Hello', 'Hi {{community.name}}', 'sending', 'me', 1, 1);
      INSERT INTO announcement_deliveries (id, announcement_id, community_id, rendered_text, state, updated_at) VALUES ('D', 'A', 'G', 'Hi G', 'queued', 1);`);
    await v5.close();

    const store = await openStore(file);
    expect(store.schemaVersion).toBeGreaterThanOrEqual(VERSION);
    const announcement = await store.reader.get(sql`SELECT title, body, status, targets FROM announcements WHERE id = 'A'`);
    expect(announcement).toEqual({ title: 'Hello', body: 'Hi {{community.name}}', status: 'sending', targets: '{}' });
    expect(await store.reader.get(sql`SELECT language, language_override, custom_fields FROM communities WHERE id = 'G'`)).toEqual({
      language: 'en',
      language_override: null,
      custom_fields: '{"venue":"Hall 3"}',
    });

    // The status follows the deliveries: the last one settling makes the announcement sent.
    await store.writer.transaction(async (tx) => {
      await tx.run(sql`UPDATE announcement_deliveries SET state = 'sent', updated_at = 5 WHERE id = 'D'`);
    });
    expect(await store.reader.get(sql`SELECT status, updated_at FROM announcements WHERE id = 'A'`)).toEqual({ status: 'sent', updated_at: 5 });
    await store.writer.transaction(async (tx) => {
      await tx.run(sql`INSERT INTO community_user_tags (community_id, tag) VALUES ('G', 'mine')`);
      await tx.run(sql`DELETE FROM communities WHERE id = 'G'`);
    });
    expect(await store.reader.get(sql`SELECT count(*) AS n FROM community_user_tags`)).toEqual({ n: 0 });
    await store.close();
  });
});
