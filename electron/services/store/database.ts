import { existsSync } from 'node:fs';
import { AppFailure } from '@shared/result';
import { SqliteConnection, type RunResult } from './connection';
import { asDamaged, fullCheckAtOpen, inspectDatabaseFile } from './integrity';
import { migrate } from './migrations';
import { Mutex } from './mutex';
import type { SqlQuery } from './sql';

/** Tables whose changes the UI follows; a commit that touches one bumps its version. */
export type TrackedTable =
  | 'connections'
  | 'communities'
  | 'join_requests'
  | 'flags'
  | 'messages'
  | 'outbox'
  | 'announcements'
  | 'audit_log'
  | 'sync_cursors'
  | 'saved_views'
  | 'rules';

/** Read-only access: the type offers no way to write (STYLE §9). */
export interface Reader {
  all<T>(query: SqlQuery): Promise<T[]>;
  get<T>(query: SqlQuery): Promise<T | undefined>;
}

/** A write transaction in progress. Reads through it see its own uncommitted changes. */
export interface Tx extends Reader {
  run(query: SqlQuery): Promise<RunResult>;
  /** Declares which tracked tables this transaction changed, for change events after commit. */
  touch(...tables: TrackedTable[]): void;
}

/**
 * `full`: the commit is on disk before it returns (decisions, the outbox, settings).
 * `replayable`: for work the platform can hand over again, i.e. a pulled page together
 * with its cursor. The commit skips its fsync (WAL with synchronous=NORMAL): a process
 * crash loses nothing, and a power cut can only roll back whole recent pages and their
 * cursors together, which the next pull fetches again. The next `full` commit syncs
 * them too, since the WAL is one file.
 */
export type Durability = 'full' | 'replayable';

export interface Writer {
  /**
   * Runs `work` inside BEGIN IMMEDIATE … COMMIT on the single write connection, one
   * transaction at a time. Never call the writer again from inside `work`: use `tx`.
   */
  transaction<T>(work: (tx: Tx) => Promise<T>, options?: { readonly durability?: Durability }): Promise<T>;
}

export type CommitListener = (tables: ReadonlySet<TrackedTable>) => void;

export interface Store {
  readonly file: string;
  readonly schemaVersion: number;
  readonly reader: Reader;
  readonly writer: Writer;
  /** Increases each time a commit touches `table`; caches of derived figures key on it. */
  versionOf(table: TrackedTable): number;
  onCommit(listener: CommitListener): () => void;
  close(): Promise<void>;
}

const WRITER_PRAGMAS = [
  'PRAGMA journal_mode = WAL',
  'PRAGMA foreign_keys = ON',
  // Decisions and the outbox share this file: a commit is on disk before we say "saved".
  'PRAGMA synchronous = FULL',
  'PRAGMA busy_timeout = 5000',
  'PRAGMA temp_store = MEMORY',
  'PRAGMA cache_size = -65536',
].join(';\n');

const READER_PRAGMAS = ['PRAGMA query_only = ON', 'PRAGMA busy_timeout = 5000', 'PRAGMA cache_size = -65536'].join(';\n');

/** The one place that opens the database (STYLE §9). */
export async function openStore(file: string): Promise<Store> {
  // Before anything can write: a newer schema is refused untouched, a damaged file is reported.
  if (existsSync(file)) await inspectDatabaseFile(file, { fullCheck: fullCheckAtOpen(file) });
  const write = await SqliteConnection.open(file, 'create').catch((error: unknown) => Promise.reject(asDamaged(file, error)));
  let read: SqliteConnection | undefined;
  try {
    await write.exec(WRITER_PRAGMAS);
    const schemaVersion = await migrate(write);
    read = await SqliteConnection.open(file, 'readonly');
    await read.exec(READER_PRAGMAS);
    return createStore(file, schemaVersion, write, read);
  } catch (error) {
    await read?.close().catch(() => undefined);
    await write.close().catch(() => undefined);
    throw asDamaged(file, error);
  }
}

function createStore(file: string, schemaVersion: number, write: SqliteConnection, read: SqliteConnection): Store {
  const mutex = new Mutex();
  const versions = new Map<TrackedTable, number>();
  const listeners = new Set<CommitListener>();
  let closed = false;

  const transaction = <T>(work: (tx: Tx) => Promise<T>, options?: { readonly durability?: Durability }): Promise<T> =>
    mutex.run(async () => {
      if (closed) throw new AppFailure('unavailable', 'The database is closed.');
      const touched = new Set<TrackedTable>();
      const tx: Tx = {
        run: (q) => write.run(q),
        all: (q) => write.all(q),
        get: (q) => write.get(q),
        touch: (...tables) => tables.forEach((t) => touched.add(t)),
      };
      const relaxed = options?.durability === 'replayable';
      // Outside the transaction: SQLite ignores a synchronous change inside one.
      if (relaxed) await write.exec('PRAGMA synchronous = NORMAL');
      let result: T;
      try {
        await write.exec('BEGIN IMMEDIATE');
        try {
          result = await work(tx);
          await write.exec('COMMIT');
        } catch (error) {
          await write.exec('ROLLBACK').catch(() => undefined);
          throw error;
        }
      } finally {
        if (relaxed) await write.exec('PRAGMA synchronous = FULL');
      }
      if (touched.size > 0) {
        for (const table of touched) versions.set(table, (versions.get(table) ?? 0) + 1);
        for (const listener of listeners) listener(touched);
      }
      return result;
    });

  return {
    file,
    schemaVersion,
    reader: { all: (q) => read.all(q), get: (q) => read.get(q) },
    writer: { transaction },
    versionOf: (table) => versions.get(table) ?? 0,
    onCommit(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () =>
      mutex.run(async () => {
        if (closed) return;
        closed = true;
        await read.close();
        // Fold the WAL back so the file on disk is complete on its own (e.g. for backups).
        await write.exec('PRAGMA wal_checkpoint(TRUNCATE)').catch(() => undefined);
        await write.close();
      }),
  };
}
