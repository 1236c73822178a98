import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import Store from 'electron-store';
import type { Logger } from '@services/app/host';
import { SETTINGS_FILE } from '@services/settings/conf-backend';
import { settingsStoreOptions, withShellOwnedBounds, type SettingsFile } from './settings-file';

/**
 * `config.json` in the data folder (`app.getPath('userData')`) through electron-store:
 * atomic writes and schema-checked reads. Like browser mode, a file that no longer parses
 * or validates is set aside (renamed, never deleted) and a fresh one started, so a damaged
 * settings file cannot keep the console from opening; the services then write a new one.
 */
export function openSettingsFile(dataDir: string, log: Logger): SettingsFile {
  const open = () => new Store<Record<string, unknown>>({ ...settingsStoreOptions(), cwd: dataDir });
  let store: Store<Record<string, unknown>>;
  try {
    store = open();
  } catch (error) {
    const path = join(dataDir, SETTINGS_FILE);
    const aside = `${path}.damaged-${Date.now()}`;
    if (existsSync(path)) renameSync(path, aside);
    log.warn('Settings file was unreadable; set it aside and started a new one', {
      aside,
      error: error instanceof Error ? error.message : String(error),
    });
    store = open();
  }
  return withShellOwnedBounds({
    read: () => store.store,
    write: (value) => {
      store.store = value as Record<string, unknown>;
    },
  });
}
