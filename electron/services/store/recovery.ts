import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { AppFailure } from '@shared/result';
import { backupFolderOf, listBackups, type BackupInfo } from './backup';
import { openStore, type Store } from './database';
import { DamagedDatabaseError, inspectDatabaseFile } from './integrity';
import { sql } from './sql';

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

/** A database found damaged at open: set aside under `file`, with SQLite's words for the damage. */
export interface SetAsideDatabase {
  readonly file: string;
  readonly detail: string;
  readonly at: number;
}

/**
 * The sentence for the log and the terminal. The console itself starts on an empty
 * database and offers the backups (Settings → Backups), so nothing here asks the user
 * to act before they can see their screen.
 */
export function setAsideMessage(setAsideAs: SetAsideDatabase, backup: BackupInfo | null): string {
  const head = `Modboard’s database was damaged (${setAsideAs.detail}). It was set aside as ${setAsideAs.file}; nothing was deleted. Modboard started with an empty database.`;
  if (!backup) return `${head} There is no automatic backup yet.`;
  return (
    `${head} The latest automatic backup is ${backup.file}, taken ${new Date(backup.takenAt).toISOString()}: ` +
    'restore it in Settings → Backups, or start browser mode with --restore-backup (npm run serve -- --restore-backup).'
  );
}

/**
 * Opens the store; a damaged file is set aside (never deleted, never repaired) and an
 * empty database opened in its place, so the user gets a console that can offer the
 * backups. Nothing is restored without the user asking.
 */
export async function openSettingAsideDamage(file: string, now: () => number): Promise<{ store: Store; setAside: SetAsideDatabase | null }> {
  try {
    return { store: await openStore(file), setAside: null };
  } catch (error) {
    if (!(error instanceof DamagedDatabaseError)) throw error;
    const at = now();
    const setAsideAs = { file: setAside(file, 'damaged', at), detail: error.detail, at };
    return { store: await openStore(file), setAside: setAsideAs };
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
 * Puts a checked `backup` in place of the database. The database found there (if any)
 * is set aside, never deleted; the copy lands under a temporary name first so a crash
 * mid-copy leaves no half database under the real name. The store must be closed.
 */
export function putBackupInPlace(file: string, backup: BackupInfo, now: number): Omit<Restored, 'skipped'> {
  const restoring = `${file}.restoring`;
  try {
    copyFileSync(backup.file, restoring);
  } catch (error) {
    // A half-written copy is nobody's data; the database in place has not been touched.
    rmSync(restoring, { force: true });
    throw error;
  }
  // A stray -wal without its database would be replayed into the restored copy: it moves aside too.
  const replacedSetAsideAs = hasDatabase(file) ? setAside(file, 'replaced', now) : null;
  renameSync(restoring, file);
  return { backup, replacedSetAsideAs };
}

/** Restores the newest backup that passes its check, passing over damaged ones. */
export async function restoreLatestBackup(dataDir: string, file: string, now: number): Promise<Restored> {
  const skipped: string[] = [];
  for (const backup of listBackups(backupFolderOf(dataDir))) {
    try {
      await inspectDatabaseFile(backup.file);
    } catch {
      skipped.push(backup.file);
      continue;
    }
    return { ...putBackupInPlace(file, backup, now), skipped };
  }
  throw new AppFailure(
    'not-found',
    skipped.length > 0
      ? `No sound backup to restore in ${backupFolderOf(dataDir)}: every one failed its check (${skipped.join(', ')}).`
      : `There is no automatic backup to restore in ${backupFolderOf(dataDir)}.`,
  );
}

/**
 * A restored backup's outbox is older than what was sent since: a row still queued in
 * the copy may have reached the platform from the database it replaced. Each is marked
 * in flight, so the drainer asks the platform (by idempotency key) before anything is
 * sent again, as after a crash: never sent twice, never dropped.
 */
export async function holdUnsentForReconcile(store: Store, now: number): Promise<number> {
  return store.writer.transaction(async (tx) => {
    const { changes } = await tx.run(sql`UPDATE outbox SET state = 'in-flight', updated_at = ${now} WHERE state = 'queued'`);
    if (changes > 0) tx.touch('outbox');
    return changes;
  });
}
