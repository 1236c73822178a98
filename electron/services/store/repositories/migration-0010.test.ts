import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MessageAttachment } from '@shared/connectors';
import { SqliteConnection } from '../connection';
import { openStore } from '../database';
import { MIGRATIONS, migrate } from '../migrations';
import { sql } from '../sql';
import { upsertMessages } from './messages-ingest';
import { addConnection, message, openTempStore, type TempStore } from './testing';
import { ensureCommunities } from './communities-ingest';
import { upsertMembers } from './members-ingest';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'modboard-migration-0010-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 0010 (message attachments)', () => {
  it('upgrades a version-9 database keeping its messages, and takes attachments that go with their message', async () => {
    const file = join(dir, 'v9.sqlite');
    const v9 = await SqliteConnection.open(file, 'create');
    await migrate(v9, MIGRATIONS.slice(0, 9));
    await v9.exec(`
      INSERT INTO connections (id, kind, name, created_at, updated_at) VALUES ('C', 'telegram', 'T', 1, 1);
      INSERT INTO communities (id, connection_id, external_id, name, kind, tree_key, created_at, updated_at) VALUES ('G', 'C', 'g', 'Group', 'group', 'group', 1, 1);
      INSERT INTO messages (id, connection_id, external_id, community_id, conversation_id, author_name, body, sent_at, created_at) VALUES ('M', 'C', 'm', 'G', 'c', 'Ann', 'hi', 1, 1);`);
    await v9.close();

    const store = await openStore(file);
    expect(store.schemaVersion).toBeGreaterThanOrEqual(10);
    expect(await store.reader.get(sql`SELECT body FROM messages WHERE id = 'M'`)).toEqual({ body: 'hi' });
    const insert = (id: string, position: number, extra = '') =>
      store.writer.transaction((tx) => tx.run({ text: `INSERT INTO message_attachments (id, message_id, position, kind, name, ref, file_key, created_at${extra ? ', state, sha256' : ''}) VALUES ('${id}', 'M', ${position}, 'image', 'cat.png', 'file-id', 'unique-id', 1${extra})`, values: [] }));
    await insert('A1', 0);
    await expect(insert('A2', 0)).rejects.toThrow(/UNIQUE/);
    // A kept file always has its hash, and only a kept file has one.
    await expect(insert('A3', 1, `, 'cached', NULL`)).rejects.toThrow(/CHECK/);
    await expect(insert('A4', 1, `, 'gone', '${'a'.repeat(64)}'`)).rejects.toThrow(/CHECK/);
    await insert('A5', 1, `, 'cached', '${'a'.repeat(64)}'`);
    await expect(store.writer.transaction((tx) => tx.run(sql`UPDATE message_attachments SET kind = 'hologram' WHERE id = 'A1'`))).rejects.toThrow(/CHECK/);
    await store.writer.transaction((tx) => tx.run(sql`DELETE FROM messages WHERE id = 'M'`));
    expect(await store.reader.get(sql`SELECT count(*) AS n FROM message_attachments`)).toEqual({ n: 0 });
    await store.close();
  });
});

describe('attachments ingest', () => {
  let temp: TempStore;
  beforeEach(async () => {
    temp = await openTempStore('modboard-attachments-');
    await addConnection(temp.store);
  });
  afterEach(() => temp.cleanup());

  const photo = (n: number, over: Partial<MessageAttachment> = {}): MessageAttachment => ({ kind: 'image', name: `p${n}.png`, contentType: 'image/png', size: 10, width: 1, height: 1, ref: `ref-${n}`, key: `key-${n}`, ...over });
  const store = (attachments: MessageAttachment[] | undefined) =>
    temp.store.writer.transaction(async (tx) => {
      const m = message('m1', attachments ? { attachments } : {});
      await ensureCommunities(tx, 'CONN', [m.communityExternalId], 1);
      await upsertMembers(tx, 'CONN', [m.author], 1);
      await upsertMessages(tx, 'CONN', [m], 1);
    });
  const rows = () => temp.store.reader.all<{ position: number; name: string; ref: string; state: string }>(sql`SELECT position, name, ref, state FROM message_attachments ORDER BY position`);
  const fetched = () =>
    temp.store.reader.all<{ name: string; state: string; sha256: string | null; inline_type: string | null }>(
      sql`SELECT name, state, sha256, inline_type FROM message_attachments ORDER BY position`,
    );
  const keep = (sha: string) =>
    temp.store.writer.transaction((tx) => tx.run(sql`UPDATE message_attachments SET state = 'cached', sha256 = ${sha.repeat(64)}, inline_type = 'image/png' WHERE name = ${`p${sha === 'a' ? 1 : 2}.png`}`));

  it('stores at most ten per message with the message, skipping unknown kinds and empty refs', async () => {
    await store([photo(0, { kind: 'hologram' as MessageAttachment['kind'] }), photo(1, { ref: '' }), ...Array.from({ length: 12 }, (_, i) => photo(i + 2))]);
    expect((await rows()).map((r) => r.name)).toEqual(Array.from({ length: 10 }, (_, i) => `p${i + 2}.png`));
  });

  it('rewrites a re-signed ref on a re-pull but keeps what was fetched, and leaves them alone when a pull carries none', async () => {
    await store([photo(1)]);
    await temp.store.writer.transaction((tx) => tx.run(sql`UPDATE message_attachments SET state = 'cached', sha256 = ${'b'.repeat(64)}`));
    await store([photo(1, { ref: 'ref-1-resigned' })]);
    expect(await rows()).toEqual([{ position: 0, name: 'p1.png', ref: 'ref-1-resigned', state: 'cached' }]);
    await store(undefined);
    expect(await rows()).toHaveLength(1);
  });

  it('keeps a fetched file when only its ref changes (Discord re-signs URLs on every pull)', async () => {
    await store([photo(1, { key: 'attachment:1', ref: 'https://cdn/1?ex=1' })]);
    await keep('a');
    await store([photo(1, { key: 'attachment:1', ref: 'https://cdn/1?ex=2' })]);
    expect(await fetched()).toEqual([{ name: 'p1.png', state: 'cached', sha256: 'a'.repeat(64), inline_type: 'image/png' }]);
  });

  it('forgets what was fetched when another file takes the position (an edit replaced the photo)', async () => {
    await store([photo(1, { key: 'unique-1' })]);
    await keep('a');
    await store([photo(2, { key: 'unique-2', ref: 'ref-2' })]);
    expect(await fetched()).toEqual([{ name: 'p2.png', state: 'not-fetched', sha256: null, inline_type: null }]);
  });

  it('moves the second file to the first place when an edit drops the first, without the first one’s bytes', async () => {
    await store([photo(1, { key: 'attachment:1' }), photo(2, { key: 'attachment:2' })]);
    await keep('a');
    await keep('b');
    await store([photo(2, { key: 'attachment:2' })]);
    expect(await fetched()).toEqual([{ name: 'p2.png', state: 'not-fetched', sha256: null, inline_type: null }]);
  });
});
