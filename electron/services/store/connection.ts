import sqlite3 from 'sqlite3';
import { AppFailure } from '@shared/result';
import type { SqlQuery } from './sql';

export type OpenMode = 'readonly' | 'readwrite' | 'create';

const MODE_FLAGS: Record<OpenMode, number> = {
  readonly: sqlite3.OPEN_READONLY,
  readwrite: sqlite3.OPEN_READWRITE,
  create: sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE,
};

export interface RunResult {
  readonly changes: number;
  readonly lastId: number;
}

/** An `AppFailure` from SQLite that keeps SQLite's own code and words, so callers can tell a damaged file from a full disk. */
export class SqliteFailure extends AppFailure {
  constructor(
    code: AppFailure['code'],
    message: string,
    readonly sqliteCode: string,
    readonly sqliteMessage: string,
  ) {
    super(code, message);
  }
}

/** SQLite's words for a file that is not a sound database: set it aside, offer a backup. */
const DAMAGED_CODES: ReadonlySet<string> = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB']);

export const isDamagedFileError = (error: unknown): error is SqliteFailure =>
  error instanceof SqliteFailure && DAMAGED_CODES.has(error.sqliteCode);

/**
 * Turns SQLite's error codes into failures the user can act on. Anything not listed is
 * a bug or a broken file and surfaces as `internal` with SQLite's own words.
 */
export function classifySqliteError(error: unknown): SqliteFailure {
  const code = (error as { code?: string } | null)?.code ?? '';
  const message = error instanceof Error ? error.message : String(error);
  const failure = (appCode: AppFailure['code'], text: string) => new SqliteFailure(appCode, text, code, message);
  switch (code) {
    case 'SQLITE_FULL':
      return failure('storage-full', 'The disk holding Modboard’s data is full. Nothing was saved; free some space and try again.');
    case 'SQLITE_READONLY':
    case 'SQLITE_CANTOPEN':
    case 'SQLITE_PERM':
      return failure('storage-readonly', `Modboard cannot write to its data folder (${code}). Check the folder’s permissions.`);
    case 'SQLITE_CORRUPT':
    case 'SQLITE_NOTADB':
      // Found while running: the check at start sets the file aside and offers the latest backup.
      return failure('internal', `The database file is damaged (${code}: ${message}). Quit and restart Modboard: it checks the file at start and offers the latest backup.`);
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return failure('unavailable', 'The database is busy in another process. Close other Modboard windows and try again.');
    case 'SQLITE_CONSTRAINT':
      return failure('conflict', message);
    default:
      return failure('internal', message);
  }
}

/** A promise face over one sqlite3 connection. Errors reject as classified `AppFailure`s. */
export class SqliteConnection {
  private constructor(private readonly db: sqlite3.Database) {}

  static open(file: string, mode: OpenMode): Promise<SqliteConnection> {
    return new Promise((resolve, reject) => {
      const db = new sqlite3.Database(file, MODE_FLAGS[mode], (error) =>
        error ? reject(classifySqliteError(error)) : resolve(new SqliteConnection(db)),
      );
    });
  }

  run(query: SqlQuery): Promise<RunResult> {
    return new Promise((resolve, reject) => {
      this.db.run(query.text, query.values as unknown[], function (this: sqlite3.RunResult, error) {
        if (error) reject(classifySqliteError(error));
        else resolve({ changes: this.changes, lastId: this.lastID });
      });
    });
  }

  all<T>(query: SqlQuery): Promise<T[]> {
    return new Promise((resolve, reject) => {
      this.db.all(query.text, query.values as unknown[], (error, rows) =>
        error ? reject(classifySqliteError(error)) : resolve(rows as T[]),
      );
    });
  }

  async get<T>(query: SqlQuery): Promise<T | undefined> {
    return new Promise((resolve, reject) => {
      this.db.get(query.text, query.values as unknown[], (error, row) =>
        error ? reject(classifySqliteError(error)) : resolve(row as T | undefined),
      );
    });
  }

  /** Runs a script of several statements without parameters (migrations, pragmas). */
  exec(script: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.db.exec(script, (error) => (error ? reject(classifySqliteError(error)) : resolve()));
    });
  }

  /** Makes the statement running now (a long `VACUUM INTO`, say) fail with SQLITE_INTERRUPT. */
  interrupt(): void {
    try {
      this.db.interrupt();
    } catch {
      // The connection is closing or closed (its work just finished): nothing is left to interrupt.
    }
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.db.close((error) => (error ? reject(classifySqliteError(error)) : resolve()));
    });
  }
}
