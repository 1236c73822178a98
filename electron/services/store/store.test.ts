import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteConnection } from './connection';
import { openStore, type Store } from './database';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, parseMigrations } from './migrations';
import { sql } from './sql';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'modboard-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const addConnection = (store: Store, id: string) =>
  store.writer.transaction(async (tx) => {
    await tx.run(sql`INSERT INTO connections (id, kind, name, created_at, updated_at) VALUES (${id}, 'sandbox', 'S', 1, 1)`);
    tx.touch('connections');
  });

describe('openStore', () => {
  it('creates a fresh database at the latest schema with WAL and foreign keys on', async () => {
    const store = await openStore(join(dir, 'db.sqlite'));
    expect(store.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    const tables = await store.reader.all<{ name: string }>(sql`SELECT name FROM sqlite_schema WHERE type = 'table'`);
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['connections', 'join_requests', 'outbox', 'audit_log']));
    const mode = await store.writer.transaction((tx) => tx.get<{ journal_mode: string }>(sql`PRAGMA journal_mode`));
    expect(mode?.journal_mode).toBe('wal');
    await expect(
      store.writer.transaction((tx) =>
        tx.run(sql`INSERT INTO communities (id, connection_id, external_id, name, kind, tree_key, created_at, updated_at)
                   VALUES ('c', 'missing', 'x', 'n', 'group', 'n', 1, 1)`),
      ),
    ).rejects.toMatchObject({ code: 'conflict' });
    await store.close();
  });

  it('refuses a database from a newer version, naming both versions, and leaves its bytes unchanged', async () => {
    const file = join(dir, 'newer.sqlite');
    const raw = await SqliteConnection.open(file, 'create');
    await raw.exec(`CREATE TABLE t (x); PRAGMA user_version = ${LATEST_SCHEMA_VERSION + 5};`);
    await raw.close();
    const before = readFileSync(file);
    await expect(openStore(file)).rejects.toThrow(
      new RegExp(`schema version ${LATEST_SCHEMA_VERSION + 5}.*up to schema version ${LATEST_SCHEMA_VERSION}`),
    );
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('reopens an existing database without re-running migrations', async () => {
    const file = join(dir, 'db.sqlite');
    const first = await openStore(file);
    await addConnection(first, 'keep');
    await first.close();
    const second = await openStore(file);
    expect(await second.reader.get(sql`SELECT id FROM connections`)).toEqual({ id: 'keep' });
    await second.close();
  });
});

describe('transactions', () => {
  it('rolls back every statement when the work fails, and reports tables touched only on commit', async () => {
    const store = await openStore(join(dir, 'db.sqlite'));
    const seen: string[][] = [];
    store.onCommit((tables) => seen.push([...tables]));
    await expect(
      store.writer.transaction(async (tx) => {
        await tx.run(sql`INSERT INTO connections (id, kind, name, created_at, updated_at) VALUES ('a', 'sandbox', 'A', 1, 1)`);
        tx.touch('connections');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await store.reader.all(sql`SELECT id FROM connections`)).toEqual([]);
    expect(seen).toEqual([]);
    expect(store.versionOf('connections')).toBe(0);
    await addConnection(store, 'b');
    expect(seen).toEqual([['connections']]);
    expect(store.versionOf('connections')).toBe(1);
    await store.close();
  });

  it('serialises concurrent transactions instead of interleaving them', async () => {
    const store = await openStore(join(dir, 'db.sqlite'));
    await Promise.all(Array.from({ length: 20 }, (_, i) => addConnection(store, `c${i}`)));
    expect(await store.reader.get(sql`SELECT count(*) AS n FROM connections`)).toEqual({ n: 20 });
    await store.close();
  });

  it('skips the fsync only for replayable work, and every other commit is synced again, even after a replayable one fails', async () => {
    const store = await openStore(join(dir, 'db.sqlite'));
    const level = (options?: { durability: 'replayable' }) =>
      store.writer.transaction(async (tx) => (await tx.get<{ synchronous: number }>(sql`PRAGMA synchronous`))?.synchronous, options);
    const FULL = 2;
    const NORMAL = 1;
    expect(await level()).toBe(FULL);
    expect(await level({ durability: 'replayable' })).toBe(NORMAL);
    expect(await level()).toBe(FULL);
    await expect(
      store.writer.transaction(() => Promise.reject(new Error('page could not be stored')), { durability: 'replayable' }),
    ).rejects.toThrow('page could not be stored');
    expect(await level()).toBe(FULL);
    await store.close();
  });

  it('keeps the audit log append-only', async () => {
    const store = await openStore(join(dir, 'db.sqlite'));
    await store.writer.transaction((tx) =>
      tx.run(sql`INSERT INTO audit_log (id, at, actor, device, action, subject_type, subject_id, summary)
                 VALUES ('a1', 1, 'me', 'desk', 'test', 'x', 'y', 'hello')`),
    );
    await expect(store.writer.transaction((tx) => tx.run(sql`UPDATE audit_log SET summary = 'forged'`))).rejects.toThrow(
      /append-only/,
    );
    await expect(store.writer.transaction((tx) => tx.run(sql`DELETE FROM audit_log`))).rejects.toThrow(/append-only/);
    await store.close();
  });
});

describe('migrations', () => {
  it('are numbered without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(() => parseMigrations({ './0001_a.sql': '', './0003_c.sql': '' })).toThrow(/without gaps/);
  });

  it('each applies on top of the version before it', async () => {
    const conn = await SqliteConnection.open(join(dir, 'step.sqlite'), 'create');
    for (const migration of MIGRATIONS) {
      await conn.exec(migration.script);
      await conn.exec(`PRAGMA user_version = ${migration.version}`);
    }
    const check = await conn.get<{ integrity_check: string }>(sql`PRAGMA integrity_check`);
    expect(check?.integrity_check).toBe('ok');
    await conn.close();
  });
});
