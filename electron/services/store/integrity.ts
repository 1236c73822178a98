import { existsSync, readFileSync, statSync } from 'node:fs';
import { AppFailure } from '@shared/result';
import { isDamagedFileError, SqliteConnection } from './connection';
import { LATEST_SCHEMA_VERSION, newerSchemaMessage, readSchemaVersion } from './migrations';
import { trusted } from './sql';

/** How many problems `quick_check` lists at most; one is enough to refuse the file. */
const MAX_PROBLEMS = 5;

/**
 * Files up to this size get a full `quick_check` before opening (it reads every page:
 * about 0.4 s at this size). Larger ones (a million requests is 750 MB, 3 s) open after
 * the cheap checks and get the full one in the background just after start.
 */
export const FULL_CHECK_AT_OPEN_BYTES = 128 * 1024 * 1024;

/** Left beside the database by a background check that found damage: the next start sets the file aside. */
export const damageMarkerOf = (file: string): string => `${file}-damaged`;

export const fullCheckAtOpen = (file: string): boolean => !existsSync(file) || statSync(file).size <= FULL_CHECK_AT_OPEN_BYTES;

/** A database file that is not sound. `openStore` throws it before anything writes to the file. */
export class DamagedDatabaseError extends AppFailure {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super('internal', `The database ${file} is damaged: ${detail}`);
    this.name = 'DamagedDatabaseError';
  }
}

/** The problems `PRAGMA quick_check` finds (b-tree structure, page and record formats); empty when sound. */
export async function quickCheck(connection: SqliteConnection): Promise<string[]> {
  const rows = await connection.all<{ quick_check: string }>(trusted(`PRAGMA quick_check(${MAX_PROBLEMS})`));
  const problems = rows.map((row) => row.quick_check);
  return problems.length === 1 && problems[0] === 'ok' ? [] : problems;
}

/**
 * Reads an existing file through a read-only handle before anything can write to it:
 * a file from a newer Modboard is refused untouched, and a damaged one (not a database,
 * a torn page, a broken b-tree, or damage a background check found last time) is
 * reported as `DamagedDatabaseError`. The full `quick_check` runs when `fullCheck`.
 */
export async function inspectDatabaseFile(file: string, options: { readonly fullCheck: boolean } = { fullCheck: true }): Promise<void> {
  const marker = damageMarkerOf(file);
  if (existsSync(marker)) throw new DamagedDatabaseError(file, `found while Modboard ran: ${readFileSync(marker, 'utf8').trim()}`);
  let probe: SqliteConnection | undefined;
  try {
    probe = await SqliteConnection.open(file, 'readonly');
    const found = await readSchemaVersion(probe);
    if (found > LATEST_SCHEMA_VERSION) throw new AppFailure('unavailable', newerSchemaMessage(found, LATEST_SCHEMA_VERSION));
    // Reading the schema catches a damaged header or schema page even without the full check.
    await probe.all(trusted('SELECT type, name, sql FROM sqlite_schema'));
    const problems = options.fullCheck ? await quickCheck(probe) : [];
    if (problems.length > 0) throw new DamagedDatabaseError(file, problems.join('; '));
  } catch (error) {
    throw asDamaged(file, error);
  } finally {
    await probe?.close().catch(() => undefined);
  }
}

/** SQLite's "corrupt" and "not a database" errors, met anywhere while opening, mean a damaged file. */
export function asDamaged(file: string, error: unknown): unknown {
  return isDamagedFileError(error) ? new DamagedDatabaseError(file, error.sqliteMessage) : error;
}
