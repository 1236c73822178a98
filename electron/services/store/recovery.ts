import { copyFileSync, existsSync, renameSync } from 'node:fs';
import { AppFailure } from '@shared/result';
import { backupFolderOf, listBackups, type BackupInfo } from './backup';
import { openStore, type Store } from './database';
import { DamagedDatabaseError, inspectDatabaseFile } from './integrity';

/**
 * SQLite keeps a database's recent commits beside it; they move with it, or the copy is
 * incomplete. So does the note a background check leaves on a damaged file.
 */
const COMPANIONS = ['-wal', '-shm', '-damaged'] as const;

const stamp = (time: number) => new Date(time).toISOString().replace(/[:.]/g, '-');

/**
 * Renames the database and its `-wal`/`-shm` to `<file>.<why>-<time>` (the pair stays
 * openable for a rescue with the sqlite3 shell). Never deletes. Returns the new name.
 */
export function setAside(file: string, why: 'damaged' | 'replaced', now: number): string {
  const target = `${file}.${why}-${stamp(now)}`;
  for (const suffix of ['', ...COMPANIONS]) if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
  return target;
}

const hasDatabase = (file: string) => ['', ...COMPANIONS].some((suffix) => existsSync(file + suffix));

/** The services could not start because the database was damaged; it was set aside. */
export class DatabaseSetAsideFailure extends AppFailure {
  constructor(
    readonly detail: string,
    readonly setAsideAs: string,
    readonly latestBackup: BackupInfo | null,
    readonly databaseFile: string,
  ) {
    super('unavailable', setAsideMessage(detail, setAsideAs, latestBackup, databaseFile));
    this.name = 'DatabaseSetAsideFailure';
  }
}

function setAsideMessage(detail: string, setAsideAs: string, backup: BackupInfo | null, file: string): string {
  const head = `Modboard’s database is damaged (${detail}). It was set aside as ${setAsideAs}; nothing was deleted.`;
  if (!backup) return `${head} There is no automatic backup yet. Starting Modboard again begins with an empty database.`;
  return (
    `${head} The latest automatic backup is ${backup.file}, taken ${new Date(backup.takenAt).toISOString()}. ` +
    `To restore it, start browser mode with --restore-backup (npm run serve -- --restore-backup), or copy it to ${file} while Modboard is closed. ` +
    'Starting Modboard without restoring begins with an empty database.'
  );
}

/**
 * Opens the store; a damaged file is set aside and the failure names it and the latest
 * backup. Nothing is repaired or restored without the user asking (`restoreLatestBackup`).
 */
export async function openOrSetAside(dataDir: string, file: string, now: () => number): Promise<Store> {
  try {
    return await openStore(file);
  } catch (error) {
    if (!(error instanceof DamagedDatabaseError)) throw error;
    const setAsideAs = setAside(file, 'damaged', now());
    throw new DatabaseSetAsideFailure(error.detail, setAsideAs, listBackups(backupFolderOf(dataDir))[0] ?? null, file);
  }
}

export interface Restored {
  readonly backup: BackupInfo;
  /** Where the database that was in place went, or null when there was none. */
  readonly replacedSetAsideAs: string | null;
  /** Newer backups that failed their check and were passed over. */
  readonly skipped: readonly string[];
}

/**
 * Puts the newest sound backup in place of the database. The database found there (if
 * any) is set aside, never deleted; the copy lands under a temporary name first so a
 * crash mid-copy leaves no half database under the real name.
 */
export async function restoreLatestBackup(dataDir: string, file: string, now: number): Promise<Restored> {
  const skipped: string[] = [];
  for (const backup of listBackups(backupFolderOf(dataDir))) {
    try {
      await inspectDatabaseFile(backup.file);
    } catch {
      skipped.push(backup.file);
      continue;
    }
    const restoring = `${file}.restoring`;
    copyFileSync(backup.file, restoring);
    // A stray -wal without its database would be replayed into the restored copy: it moves aside too.
    const replacedSetAsideAs = hasDatabase(file) ? setAside(file, 'replaced', now) : null;
    renameSync(restoring, file);
    return { backup, replacedSetAsideAs, skipped };
  }
  throw new AppFailure(
    'not-found',
    skipped.length > 0
      ? `No sound backup to restore in ${backupFolderOf(dataDir)}: every one failed its check (${skipped.join(', ')}).`
      : `There is no automatic backup to restore in ${backupFolderOf(dataDir)}.`,
  );
}
