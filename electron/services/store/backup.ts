import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteConnection } from './connection';
import { quickCheck } from './integrity';
import { sql } from './sql';

/** Automatic backups live in this folder of the data folder, newest last by name. */
export const BACKUP_FOLDER = 'backups';

export interface BackupInfo {
  readonly file: string;
  readonly takenAt: number;
  readonly bytes: number;
}

const NAME = /^modboard-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.sqlite$/;
/** A copy being written; only a complete, checked copy is renamed to a backup name. */
const PARTIAL_PREFIX = '.partial-';

export const backupFolderOf = (dataDir: string): string => join(dataDir, BACKUP_FOLDER);

export const backupNameAt = (time: number): string => `modboard-${new Date(time).toISOString().replace(/[:.]/g, '-')}.sqlite`;

function takenAtOf(name: string): number | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const [, day, h, m, s, ms] = match;
  return Date.parse(`${day}T${h}:${m}:${s}.${ms}Z`);
}

/** The backups in `folder`, newest first. A missing folder has none. */
export function listBackups(folder: string): BackupInfo[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names
    .flatMap((name) => {
      const takenAt = takenAtOf(name);
      return takenAt === null ? [] : [{ file: join(folder, name), takenAt, bytes: statSync(join(folder, name)).size }];
    })
    .sort((a, b) => b.takenAt - a.takenAt);
}

/**
 * Writes a consistent snapshot of `source` with `VACUUM INTO` through its own read-only
 * connection: in WAL mode that reads one snapshot while the app keeps writing, and the
 * work runs on SQLite's thread, not the event loop. The copy is checked before it gets
 * its name, so a backup is never half-written or damaged. `signal` interrupts it.
 */
export async function takeBackup(source: string, folder: string, now: number, signal?: AbortSignal): Promise<BackupInfo> {
  signal?.throwIfAborted();
  mkdirSync(folder, { recursive: true });
  const name = backupNameAt(now);
  const partial = join(folder, PARTIAL_PREFIX + name);
  const connection = await SqliteConnection.open(source, 'readonly');
  const interrupt = () => connection.interrupt();
  signal?.addEventListener('abort', interrupt, { once: true });
  try {
    rmSync(partial, { force: true });
    await connection.run(sql`VACUUM INTO ${partial}`);
    await assertSound(partial);
    renameSync(partial, join(folder, name));
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    signal?.removeEventListener('abort', interrupt);
    await connection.close().catch(() => undefined);
  }
  return { file: join(folder, name), takenAt: now, bytes: statSync(join(folder, name)).size };
}

async function assertSound(file: string): Promise<void> {
  const copy = await SqliteConnection.open(file, 'readonly');
  try {
    const problems = await quickCheck(copy);
    if (problems.length > 0) throw new Error(`The backup copy failed its check: ${problems.join('; ')}`);
  } finally {
    await copy.close();
  }
}

/** Keeps the `keep` newest backups, and removes copies left half-written by a crash. */
export function pruneBackups(folder: string, keep: number): void {
  for (const old of listBackups(folder).slice(keep)) rmSync(old.file, { force: true });
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) if (name.startsWith(PARTIAL_PREFIX)) rmSync(join(folder, name), { force: true });
}
