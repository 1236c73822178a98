import { z } from 'zod';
import { preferencesPatchSchema, type Preferences } from '../domain/settings';
import type { QueueCounts } from '../domain/queues';
import { call } from './define';

export interface AppInfo {
  readonly version: string;
  /** `desktop` inside Electron, `browser` when served by `npm run serve`. */
  readonly host: 'desktop' | 'browser';
  readonly dataDir: string;
  readonly schemaVersion: number;
  readonly deviceId: string;
}

export interface OpenExternalResult {
  /** False when the user declined, or when the host leaves opening to the browser. */
  readonly opened: boolean;
}

/** One automatic backup, named by its file in the data folder's `backups/`. */
export interface BackupSummary {
  readonly name: string;
  readonly takenAt: number;
  readonly bytes: number;
}

export interface RecoveryStatus {
  /** Set when this start found the database damaged: it was set aside and the console runs on an empty one. */
  readonly setAside: { readonly file: string; readonly detail: string; readonly at: number } | null;
  /** The automatic backups, newest first. */
  readonly backups: readonly BackupSummary[];
}

export interface RestoredBackup {
  readonly backup: BackupSummary;
  /** Where the database that was in place went (never deleted), or null when there was none. */
  readonly replacedSetAsideAs: string | null;
}

const nothing = z.object({}).strict();

export const appCalls = {
  'app.info': call(nothing).returns<AppInfo>(),
  'settings.get': call(nothing).returns<Preferences>(),
  'settings.update': call(preferencesPatchSchema).returns<Preferences>(),
  'queues.counts': call(nothing).returns<QueueCounts>(),
  'app.recovery': call(nothing).returns<RecoveryStatus>(),
  /** Sets the database in place aside, brings the named backup back and reopens every service on it; the UI then reloads. */
  'app.restoreBackup': call(z.object({ name: z.string().min(1).max(200) }).strict()).returns<RestoredBackup>(),
  'shell.openExternal': call(z.object({ url: z.string().max(4096) }).strict()).returns<OpenExternalResult>(),
} as const;
