import { accessSync, constants, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppFailure } from '@shared/result';
import { SqliteConnection } from './connection';

/** Held by the running Modboard for as long as it uses the data folder. */
export const LOCK_FILE = 'modboard.lock';

const codeOf = (error: unknown): string => (error as { code?: string } | null)?.code ?? (error instanceof Error ? error.message : String(error));

const readOnly = (what: string, error: unknown) =>
  new AppFailure(
    'storage-readonly',
    `Modboard cannot write to ${what} (${codeOf(error)}). Check its permissions and that the disk is not mounted read-only, or use another data folder (browser mode: --data-dir).`,
  );

/**
 * Makes the data folder and proves it can be written, by writing and removing a small
 * file: permissions alone do not tell (a read-only mount, a full quota). An existing
 * database file must be writable too.
 */
export function ensureWritableDataFolder(dataDir: string, databaseFile: string): void {
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw readOnly(`its data folder ${dataDir}`, error);
  }
  const probe = join(dataDir, `.write-test-${process.pid}`);
  try {
    writeFileSync(probe, 'modboard');
    rmSync(probe, { force: true });
  } catch (error) {
    throw readOnly(`its data folder ${dataDir}`, error);
  }
  const file = join(dataDir, databaseFile);
  if (!existsSync(file)) return;
  try {
    accessSync(file, constants.R_OK | constants.W_OK);
  } catch (error) {
    throw readOnly(`its database ${file}`, error);
  }
}

export interface DataFolderLock {
  release(): Promise<void>;
}

/**
 * One Modboard per data folder: two drainers on one outbox would each take the other's
 * in-flight pushes for interrupted ones and send them again. The lock is an exclusive
 * SQLite lock on `modboard.lock`, held open; the operating system drops it when the
 * process ends, even on a crash or SIGKILL, so it never goes stale.
 */
export async function lockDataFolder(dataDir: string): Promise<DataFolderLock> {
  const file = join(dataDir, LOCK_FILE);
  const connection = await SqliteConnection.open(file, 'create');
  try {
    await connection.exec('PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;');
  } catch (error) {
    await connection.close().catch(() => undefined);
    if (error instanceof AppFailure && error.code === 'unavailable')
      throw new AppFailure(
        'unavailable',
        `Another Modboard (the desktop app or browser mode) is using the data folder ${dataDir}. Close it first, or use another data folder (browser mode: --data-dir).`,
      );
    throw error;
  }
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      await connection.exec('ROLLBACK').catch(() => undefined);
      await connection.close();
    },
  };
}
