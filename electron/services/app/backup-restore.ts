import { basename } from 'node:path';
import type { BackupSummary, RecoveryStatus, RestoredBackup } from '@shared/contract/app';
import { AppFailure } from '@shared/result';
import { backupFolderOf, listBackups, type BackupInfo } from '../store/backup';
import { DamagedDatabaseError, inspectDatabaseFile } from '../store/integrity';
import { putBackupInPlace, type SetAsideDatabase } from '../store/recovery';
import type { Logger } from './host';

/** What the contract sees of backups: list them, restore one. */
export interface RecoveryControl {
  status(): RecoveryStatus;
  restore(name: string): Promise<RestoredBackup>;
}

/** The composition root's side of a restore: everything on the database closes, then opens again on the file in place. */
export interface SessionSwap {
  close(): Promise<void>;
  /**
   * `restored`: a backup went in place. Only then are its unsent pushes held for
   * reconciling; after a failed copy the same database comes back untouched, undo
   * windows and all.
   */
  reopen(how: { readonly restored: boolean }): Promise<void>;
}

export interface RecoveryDeps {
  readonly dataDir: string;
  readonly file: string;
  readonly log: Logger;
  readonly now: () => number;
  /** The damaged database this start set aside, if it did. */
  readonly setAside: SetAsideDatabase | null;
  readonly sessions: SessionSwap;
}

const summaryOf = (backup: BackupInfo): BackupSummary => ({ name: basename(backup.file), takenAt: backup.takenAt, bytes: backup.bytes });

/**
 * Restoring a backup from the running app. The backup is named, never given as a path:
 * only a file of the backups folder listing can be chosen. It is checked before
 * anything closes, so a damaged one leaves the console as it was; then every service
 * on the database stops, the database in place is set aside (never deleted), the copy
 * goes in, and the services open on it.
 */
export function createRecoveryControl(deps: RecoveryDeps): RecoveryControl {
  const folder = backupFolderOf(deps.dataDir);
  let setAside = deps.setAside;
  let restoring = false;

  const find = (name: string): BackupInfo => {
    const backup = listBackups(folder).find((b) => basename(b.file) === name);
    if (!backup) throw new AppFailure('not-found', `There is no automatic backup named “${name}” in ${folder}.`);
    return backup;
  };

  const check = async (backup: BackupInfo): Promise<void> => {
    try {
      await inspectDatabaseFile(backup.file);
    } catch (error) {
      if (error instanceof DamagedDatabaseError)
        throw new AppFailure('unavailable', `The backup ${basename(backup.file)} failed its check (${error.detail}); choose another. Nothing was changed.`);
      throw error;
    }
  };

  return {
    status: () => ({ setAside, backups: listBackups(folder).map(summaryOf) }),

    async restore(name) {
      if (restoring) throw new AppFailure('unavailable', 'A backup is already being restored.');
      restoring = true;
      try {
        const backup = find(name);
        await check(backup);
        let restored;
        try {
          await deps.sessions.close();
          restored = putBackupInPlace(deps.file, backup, deps.now());
        } finally {
          // Whatever happened to the copy, the console comes back on the file now in place.
          await deps.sessions.reopen({ restored: restored !== undefined });
        }
        setAside = null;
        deps.log.warn('Restored an automatic backup', {
          backup: backup.file,
          takenAt: new Date(backup.takenAt).toISOString(),
          previousDatabaseSetAsideAs: restored.replacedSetAsideAs,
        });
        return { backup: summaryOf(backup), replacedSetAsideAs: restored.replacedSetAsideAs };
      } finally {
        restoring = false;
      }
    },
  };
}
