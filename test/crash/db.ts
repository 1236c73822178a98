import { SqliteConnection } from '@services/store/connection';
import type { SqlQuery } from '@services/store/sql';
import { trusted } from '@services/store/sql';

/**
 * Reads the app's database from outside the app. While the app runs, a read-only
 * handle (WAL readers never block it); once it is dead, a read-write one, which
 * recovers the WAL exactly as the next start would.
 */
export async function withDb<T>(file: string, mode: 'readonly' | 'readwrite', work: (db: SqliteConnection) => Promise<T>): Promise<T> {
  const db = await SqliteConnection.open(file, mode);
  try {
    await db.exec('PRAGMA busy_timeout = 5000');
    return await work(db);
  } finally {
    await db.close();
  }
}

export const rows = <T>(file: string, query: SqlQuery) => withDb(file, 'readonly', (db) => db.all<T>(query));

/** `PRAGMA integrity_check` and `foreign_key_check` on a database whose process is dead; empty when sound. */
export async function integrityProblems(file: string): Promise<string[]> {
  return withDb(file, 'readwrite', async (db) => {
    const integrity = (await db.all<{ integrity_check: string }>(trusted('PRAGMA integrity_check'))).map((r) => r.integrity_check);
    const foreignKeys = await db.all<{ table: string; parent: string }>(trusted('PRAGMA foreign_key_check'));
    return [
      ...(integrity.length === 1 && integrity[0] === 'ok' ? [] : integrity.map((p) => `integrity_check: ${p}`)),
      ...foreignKeys.map((fk) => `foreign_key_check: a row of ${fk.table} points at a missing ${fk.parent}`),
    ];
  });
}
