import { join } from 'node:path';
import { err } from '@shared/result';
import { createConnectionService, type ConnectionService } from '../connections/connection-service';
import { startSnoozeWaker } from '../decisions/snooze-waker';
import { createDispatcher } from '../contract/dispatch';
import { createMediaService } from '../media/media-service';
import type { MediaAnswer } from '../media/media-response';
import { EventHub } from '../contract/event-hub';
import { createHandlers } from '../contract/handlers';
import { DATABASE_FILE } from '../paths';
import { createSecretVault } from '../secrets/secret-vault';
import { createSettingsService, type SettingsService } from '../settings/settings-service';
import { backupFolderOf, listBackups } from '../store/backup';
import { startBackupSchedule } from '../store/backup-schedule';
import { startDeferredCheck } from '../store/deferred-check';
import { ensureWritableDataFolder, lockDataFolder, type DataFolderLock } from '../store/data-folder';
import { holdUnsentForReconcile, openSettingAsideDamage, restoreLatestBackup, setAsideMessage } from '../store/recovery';
import { openStore, type Store } from '../store/database';
import { WindowCache } from '../store/window-cache';
import { createSyncEngine } from '../sync/engine';
import { idleSyncControl } from '../sync/idle-sync-control';
import { PlatformAccess } from '../sync/platform-access';
import { RateGate } from '../sync/rate-gate';
import { connectionCapabilities } from '../flags/connection-capabilities';
import { startRuleRunner } from '../rules/rule-runner';
import { createRecoveryControl, type RecoveryControl } from './backup-restore';
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
  const opened = await openSettingAsideDamage(file, Date.now);
  if (opened.setAside) options.log.error(setAsideMessage(opened.setAside, listBackups(backupFolderOf(options.dataDir))[0] ?? null));
  if (options.restoreBackup) await holdUnsentForReconcile(opened.store, Date.now());

  const hub = new EventHub();
  let session: Session | null = null;
  /** Set while a restore swaps the database: calls wait for the services on the restored copy. */
  let swapping: { promise: Promise<void>; resolve(): void } | null = null;
  // An empty database standing in for a damaged one must not push a sound backup out of the rotation.
  let takeBackups = opened.setAside === null;
  const sessionOn = (store: Store, backups: boolean) => openSession(store, { options, settings, hub, recovery, backups });
  const recovery = createRecoveryControl({
    dataDir: options.dataDir,
    file,
    log: options.log,
    now: Date.now,
    setAside: opened.setAside,
    sessions: {
      async close() {
        let resolve = () => {};
        swapping = { promise: new Promise<void>((done) => (resolve = done)), resolve: () => resolve() };
        await session?.stop();
        session = null;
      },
      async reopen({ restored }) {
        try {
          const store = await openStore(file);
          try {
            // Pushes a restored copy still had queued may have gone out after it was taken.
            if (restored) await holdUnsentForReconcile(store, Date.now());
            if (restored) takeBackups = true;
            session = await sessionOn(store, takeBackups);
          } catch (error) {
            await store.close().catch(() => undefined);
            throw error;
          }
        } finally {
          swapping?.resolve();
          swapping = null;
        }
      },
    },
  });
  session = await sessionOn(opened.store, takeBackups);
  options.log.info('Services started', { dataDir: options.dataDir, schemaVersion: opened.store.schemaVersion, sync: options.startSync !== false });

  let stopping: Promise<void> | null = null;
  return {
    async dispatch(name, payload) {
      while (swapping) await swapping.promise;
      return session ? session.dispatch(name, payload) : err('unavailable', 'The database could not be opened after the restore; the details are in the log.');
    },
    async readMedia(attachmentId) {
      while (swapping) await swapping.promise;
      if (!session) return { kind: 'refused', status: 502, message: 'The database is not open.' };
      try {
        return await session.readMedia(attachmentId);
      } catch (error) {
        options.log.error('Serving an attachment failed', { error: error instanceof Error ? error.name : typeof error });
        return { kind: 'refused', status: 502, message: 'The file could not be read.' };
      }
    },
    subscribe: (listener) => hub.subscribe(listener),
    stop: () =>
      (stopping ??= (async () => {
        while (swapping) await swapping.promise;
        await session?.stop();
        await lock.release();
        options.log.info('Services stopped');
      })()),
  };
}

interface SessionDeps {
  readonly options: ServicesOptions;
  readonly settings: SettingsService;
  readonly hub: EventHub;
  readonly recovery: RecoveryControl;
  /** Whether automatic backups run on this database. */
  readonly backups: boolean;
}

interface Session {
  readonly dispatch: Services['dispatch'];
  readMedia(attachmentId: string): Promise<MediaAnswer>;
  /** Stops every job on the store, then closes it. */
  stop(): Promise<void>;
}

/**
 * Everything that lives on one open database: handlers, sync, background jobs. A
 * restore stops one session and opens the next on the restored file; the data-folder
 * lock, settings and event hub outlive it.
 */
async function openSession(store: Store, deps: SessionDeps): Promise<Session> {
  const { options, settings, hub } = deps;
  const file = store.file;
  const backups = deps.backups ? startBackupSchedule({ source: file, folder: backupFolderOf(options.dataDir), log: options.log }) : null;
  const deferredCheck = startDeferredCheck({ file, log: options.log });
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
    recovery: deps.recovery,
  };
  const vault = createSecretVault(options.dataDir, options.secretCipher);
  const connections = createConnectionService({ store, vault, log: options.log, actor: LOCAL_ACTOR, device });
  const stopChangeEvents = forwardCommitsAsQueueEvents(store, hub);
  const syncOn = options.startSync !== false;
  const engine = syncOn
    ? createSyncEngine({
        store,
        hub,
        log: options.log,
        device,
        connectorFor: (id) => connections.connectorFor(id),
        intervalMs: () => settings.preferences().syncIntervalMinutes * 60_000,
      })
    : null;
  const sync = engine ?? idleSyncControl(store.reader);
  const wakeDrainer = () => engine?.drainNow();
  const media = createMediaService({
    store,
    dataDir: options.dataDir,
    log: options.log,
    connectorFor: (id) => connections.connectorFor(id),
    // Without the engine (sync off) media fetches still get a gate of their own.
    access: engine?.access ?? new PlatformAccess(new RateGate(Date.now), Date.now),
  });
  const dispatch = createDispatcher(createHandlers(context, sync, connections, media), options.log);
  const stopSnoozeWaker = startSnoozeWaker(store, options.log);
  // Enabled rules judge new arrivals for as long as the store is open; they only listen to its commits.
  const rules = startRuleRunner({
    store,
    log: options.log,
    device: () => settings.get().deviceId,
    graceMs: () => settings.preferences().undoGraceSeconds * 1000,
    wakeDrainer,
    capabilities: () => connectionCapabilities(store.reader, (id) => connections.connectorFor(id)),
  });
  if (engine) {
    await provisionFirstRun(settings, connections);
    engine.start();
  }
  return {
    dispatch,
    readMedia: (attachmentId) => media.read(attachmentId),
    async stop() {
      await media.stop();
      await rules.stop();
      await stopSnoozeWaker();
      await sync.stop();
      await connections.stop();
      stopChangeEvents();
      await deferredCheck.stop();
      await backups?.stop();
      await store.close();
    },
  };
}
