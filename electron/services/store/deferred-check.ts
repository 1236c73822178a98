import { existsSync, writeFileSync } from 'node:fs';
import type { Logger } from '../app/host';
import { SqliteConnection } from './connection';
import { damageMarkerOf, fullCheckAtOpen, quickCheck } from './integrity';

export interface DeferredCheck {
  stop(): Promise<void>;
}

/** Long enough for start-up and the first screen to have the disk to themselves. */
const DEFAULT_DELAY_MS = 20_000;

/**
 * The full `quick_check` of a database too large to check before opening, run once on
 * its own read-only connection shortly after start (WAL: the app keeps reading and
 * writing meanwhile; the work is on SQLite's thread). Damage found leaves a note beside
 * the file, so the next start sets it aside and offers the latest backup, and backups
 * stop (a damaged copy must never push a sound one out of the rotation).
 */
export function startDeferredCheck(options: { readonly file: string; readonly log: Logger; readonly delayMs?: number }): DeferredCheck {
  if (fullCheckAtOpen(options.file)) return { stop: async () => {} };
  let connection: SqliteConnection | null = null;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const check = async () => {
    connection = await SqliteConnection.open(options.file, 'readonly');
    try {
      const started = Date.now();
      const problems = await quickCheck(connection);
      if (problems.length === 0) {
        options.log.info('Database check passed', { ms: Date.now() - started });
        return;
      }
      writeFileSync(damageMarkerOf(options.file), problems.join('; '));
      options.log.error('The database is damaged: the next start sets it aside and offers the latest backup', { problems });
    } finally {
      await connection.close().catch(() => undefined);
      connection = null;
    }
  };
  const timer = setTimeout(() => {
    running = check().catch((error: unknown) => {
      if (!stopped) options.log.warn('Database check could not run', { error: error instanceof Error ? error.message : String(error) });
    });
  }, options.delayMs ?? DEFAULT_DELAY_MS);
  timer.unref?.();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      (connection as SqliteConnection | null)?.interrupt();
      await running;
    },
  };
}

export const damageFound = (file: string): boolean => existsSync(damageMarkerOf(file));
