import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import type { SettingsBackend } from '../app/host';
import { settingsJsonSchema } from './settings-schema';

export const SETTINGS_FILE = 'config.json';

/**
 * Browser mode's settings file: the same `config.json` electron-store writes on the
 * desktop, through conf (the library under electron-store) with the same schema.
 * A file that no longer parses or validates is set aside, never deleted, and a fresh
 * one is started, so a damaged settings file cannot keep the console from opening.
 */
export function createConfSettingsBackend(dataDir: string, onSetAside?: (path: string) => void): SettingsBackend {
  const { properties, rootSchema } = settingsJsonSchema();
  const open = () =>
    new Conf<Record<string, unknown>>({
      cwd: dataDir,
      configName: 'config',
      projectName: 'modboard',
      schema: properties as never,
      rootSchema: rootSchema as never,
      accessPropertiesByDotNotation: false,
    });
  let conf: Conf<Record<string, unknown>>;
  try {
    conf = open();
  } catch {
    const file = join(dataDir, SETTINGS_FILE);
    const aside = `${file}.damaged-${Date.now()}`;
    if (existsSync(file)) renameSync(file, aside);
    onSetAside?.(aside);
    conf = open();
  }
  return {
    read: () => conf.store,
    write: (value) => {
      conf.store = value as Record<string, unknown>;
    },
  };
}
