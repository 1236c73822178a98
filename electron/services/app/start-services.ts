import { join } from 'node:path';
import { createConnectionService, type ConnectionService } from '../connections/connection-service';
import { startSnoozeWaker } from '../decisions/snooze-waker';
import { createDispatcher } from '../contract/dispatch';
import { EventHub } from '../contract/event-hub';
import { createHandlers } from '../contract/handlers';
import { DATABASE_FILE } from '../paths';
import { createSecretVault } from '../secrets/secret-vault';
import { createSettingsService, type SettingsService } from '../settings/settings-service';
import { backupFolderOf } from '../store/backup';
import { startBackupSchedule } from '../store/backup-schedule';
import { startDeferredCheck } from '../store/deferred-check';
import { ensureWritableDataFolder, lockDataFolder, type DataFolderLock } from '../store/data-folder';
import { openOrSetAside, restoreLatestBackup } from '../store/recovery';
import { WindowCache } from '../store/window-cache';
import { createSyncEngine } from '../sync/engine';
import { idleSyncControl } from '../sync/idle-sync-control';
import { forwardCommitsAsQueueEvents } from './change-events';
import type { ServiceContext } from './context';
import type { Services, ServicesOptions } from './host';

/** The one local moderator of this desk, until shared team workspaces add identities. */
export const LOCAL_ACTOR = 'me';

/**
 * A fresh install gets a Sandbox network connection once, so the first screen is a
 * living console; the flag makes a later removal stick.
 */
async function provisionFirstRun(settings: SettingsService, connections: ConnectionService): Promise<void> {
  if (settings.get().sandboxProvisioned) return;
  if ((await connections.list()).length === 0) await connections.addSandbox({});
  settings.update((s) => ({ ...s, sandboxProvisioned: true }));
}

/**
 * The composition root of the main side, shared by the Electron shell and browser mode:
 * the data folder (writable, and locked to this process), settings, then the store,
 * then handlers, then background jobs (which start only once the store is open) — and
 * the reverse on stop.
 */
export async function startServices(options: ServicesOptions): Promise<Services> {
  ensureWritableDataFolder(options.dataDir, DATABASE_FILE);
  const lock = await lockDataFolder(options.dataDir);
  try {
    return await startInLockedFolder(options, lock);
  } catch (error) {
    await lock.release().catch(() => undefined);
    throw error;
  }
}

async function startInLockedFolder(options: ServicesOptions, lock: DataFolderLock): Promise<Services> {
  const file = join(options.dataDir, DATABASE_FILE);
  const settings = createSettingsService(options.settings, options.log);
  if (options.restoreBackup) {
    const restored = await restoreLatestBackup(options.dataDir, file, Date.now());
    options.log.warn('Restored the latest automatic backup', {
      backup: restored.backup.file,
      takenAt: new Date(restored.backup.takenAt).toISOString(),
      previousDatabaseSetAsideAs: restored.replacedSetAsideAs,
      skippedDamaged: restored.skipped,
    });
  }
  const store = await openOrSetAside(options.dataDir, file, Date.now);
  const backups = startBackupSchedule({ source: file, folder: backupFolderOf(options.dataDir), log: options.log });
  const deferredCheck = startDeferredCheck({ file, log: options.log });
  const hub = new EventHub();
  const device = settings.get().deviceId;
  const context: ServiceContext = {
    dataDir: options.dataDir,
    appVersion: options.appVersion,
    actor: LOCAL_ACTOR,
    store,
    settings,
    host: options.host,
    hub,
    log: options.log,
    windows: new WindowCache(),
  };
  const vault = createSecretVault(options.dataDir, options.secretCipher);
  const connections = createConnectionService({ store, vault, log: options.log, actor: LOCAL_ACTOR, device });
  const stopChangeEvents = forwardCommitsAsQueueEvents(store, hub);
  const syncOn = options.startSync !== false;
  const sync = syncOn
    ? createSyncEngine({
        store,
        hub,
        log: options.log,
        device,
        connectorFor: (id) => connections.connectorFor(id),
        intervalMs: () => settings.preferences().syncIntervalMinutes * 60_000,
      })
    : idleSyncControl(store.reader);
  const dispatch = createDispatcher(createHandlers(context, sync, connections), options.log);
  const stopSnoozeWaker = startSnoozeWaker(store, options.log);
  if (syncOn) {
    await provisionFirstRun(settings, connections);
    (sync as ReturnType<typeof createSyncEngine>).start();
  }
  options.log.info('Services started', { dataDir: options.dataDir, schemaVersion: store.schemaVersion, sync: syncOn });

  let stopping: Promise<void> | null = null;
  return {
    dispatch,
    subscribe: (listener) => hub.subscribe(listener),
    stop: () =>
      (stopping ??= (async () => {
        await stopSnoozeWaker();
        await sync.stop();
        await connections.stop();
        stopChangeEvents();
        await deferredCheck.stop();
        await backups.stop();
        await store.close();
        await lock.release();
        options.log.info('Services stopped');
      })()),
  };
}
