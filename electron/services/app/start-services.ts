import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppFailure } from '@shared/result';
import { createDispatcher } from '../contract/dispatch';
import { EventHub } from '../contract/event-hub';
import { createHandlers } from '../contract/handlers';
import { DATABASE_FILE } from '../paths';
import { createSettingsService } from '../settings/settings-service';
import { openStore } from '../store/database';
import { WindowCache } from '../store/window-cache';
import { idleSyncControl } from '../sync/idle-sync-control';
import { forwardCommitsAsQueueEvents } from './change-events';
import type { ServiceContext } from './context';
import type { Services, ServicesOptions } from './host';

/**
 * The composition root of the main side, shared by the Electron shell and browser mode:
 * settings, then the store, then handlers, then background jobs (which start only once
 * the store is open) — and the reverse on stop.
 */
export async function startServices(options: ServicesOptions): Promise<Services> {
  try {
    mkdirSync(options.dataDir, { recursive: true });
  } catch (error) {
    throw new AppFailure('storage-readonly', `Cannot create the data folder ${options.dataDir}: ${(error as Error).message}`);
  }
  const settings = createSettingsService(options.settings, options.log);
  const store = await openStore(join(options.dataDir, DATABASE_FILE));
  const hub = new EventHub();
  const context: ServiceContext = {
    dataDir: options.dataDir,
    appVersion: options.appVersion,
    store,
    settings,
    host: options.host,
    hub,
    log: options.log,
    windows: new WindowCache(),
  };
  const stopChangeEvents = forwardCommitsAsQueueEvents(store, hub);
  const sync = idleSyncControl(store.reader);
  const dispatch = createDispatcher(createHandlers(context, sync), options.log);
  options.log.info('Services started', { dataDir: options.dataDir, schemaVersion: store.schemaVersion });

  let stopping: Promise<void> | null = null;
  return {
    dispatch,
    subscribe: (listener) => hub.subscribe(listener),
    stop: () =>
      (stopping ??= (async () => {
        await sync.stop();
        stopChangeEvents();
        await store.close();
        options.log.info('Services stopped');
      })()),
  };
}
