import type { Logger } from '../app/host';
import { listBackups, pruneBackups, takeBackup } from './backup';
import { damageFound } from './deferred-check';

export interface BackupPolicy {
  /** A backup is due when the newest one is older than this. */
  readonly everyMs: number;
  /** How many backups to keep. */
  readonly keep: number;
  /** The first check waits this long, so a backup never competes with start-up and the first sync. */
  readonly firstCheckAfterMs: number;
  /** After a failed backup (a full disk, say), the next try waits this long. */
  readonly retryAfterFailureMs: number;
}

export const DEFAULT_BACKUP_POLICY: BackupPolicy = {
  everyMs: 6 * 3_600_000,
  keep: 5,
  firstCheckAfterMs: 60_000,
  retryAfterFailureMs: 15 * 60_000,
};

export interface BackupScheduleOptions {
  readonly source: string;
  readonly folder: string;
  readonly log: Logger;
  readonly policy?: Partial<BackupPolicy>;
  readonly now?: () => number;
}

export interface BackupSchedule {
  /** Interrupts a backup in progress (its partial copy is removed) and cancels the next. */
  stop(): Promise<void>;
}

/**
 * Rotating automatic backups: shortly after start if the newest is older than `everyMs`
 * (so restarts do not pile them up), then every `everyMs` while running, keeping the
 * newest `keep`. A failed backup (a full disk, say) is logged and tried again later.
 */
export function startBackupSchedule(options: BackupScheduleOptions): BackupSchedule {
  const policy = { ...DEFAULT_BACKUP_POLICY, ...options.policy };
  const now = options.now ?? Date.now;
  const abort = new AbortController();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> = Promise.resolve();

  const dueIn = (): number => {
    const newest = listBackups(options.folder)[0];
    return newest ? Math.max(0, newest.takenAt + policy.everyMs - now()) : 0;
  };

  /** Returns when to look again. */
  const backUpIfDue = async (): Promise<number> => {
    if (dueIn() > 0) return dueIn();
    if (damageFound(options.source)) {
      options.log.warn('No backup of a damaged database');
      return policy.retryAfterFailureMs;
    }
    const started = now();
    try {
      const backup = await takeBackup(options.source, options.folder, started, abort.signal);
      pruneBackups(options.folder, policy.keep);
      options.log.info('Backup taken', { file: backup.file, bytes: backup.bytes, ms: now() - started });
      return policy.everyMs;
    } catch (error) {
      if (!abort.signal.aborted) options.log.warn('Backup failed; trying again later', { error: error instanceof Error ? error.message : String(error) });
      return policy.retryAfterFailureMs;
    }
  };

  const schedule = (delayMs: number) => {
    if (abort.signal.aborted) return;
    timer = setTimeout(() => {
      timer = null;
      running = backUpIfDue().then(schedule);
    }, delayMs);
    // Backups never keep the process alive on their own.
    timer.unref?.();
  };

  schedule(policy.firstCheckAfterMs);
  return {
    async stop() {
      abort.abort();
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
