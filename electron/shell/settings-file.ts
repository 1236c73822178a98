import type { SettingsBackend } from '@services/app/host';
import { settingsJsonSchema } from '@services/settings/settings-schema';
import { windowBoundsSchema, type WindowBounds } from '@shared/domain/settings';

/**
 * How the shell treats `config.json` in the data folder: the very file browser mode
 * writes with conf, opened by electron-store with the same JSON Schema (derived from the
 * zod `settingsSchema`), so every read and write is validated the same way in both hosts.
 */
export const SETTINGS_FILE_NAME = 'config';

export function settingsStoreOptions() {
  const { properties, rootSchema } = settingsJsonSchema();
  return {
    name: SETTINGS_FILE_NAME,
    // conf types `schema` with its own JSON Schema typing; settings-file.test.ts checks it at run time.
    schema: properties as never,
    rootSchema: rootSchema as never,
    accessPropertiesByDotNotation: false,
  } as const;
}

/** The settings file as the shell uses it: the services' backend plus the shell's own key. */
export interface SettingsFile {
  readonly backend: SettingsBackend;
  readWindowBounds(): WindowBounds | undefined;
  writeWindowBounds(bounds: WindowBounds): void;
}

/**
 * The services keep a copy of the settings and replace the whole object on every change,
 * but `windowBounds` belongs to the shell. Whatever the services write, the bounds already
 * in the file survive, so their stale copy cannot roll back a move the user just made.
 */
export function withShellOwnedBounds(file: SettingsBackend): SettingsFile {
  const current = () => asRecord(file.read());
  return {
    backend: {
      read: () => file.read(),
      write: (value) => file.write(keepShellOwnedKeys(value, current())),
    },
    readWindowBounds: () => {
      const parsed = windowBoundsSchema.safeParse(current().windowBounds);
      return parsed.success ? parsed.data : undefined;
    },
    writeWindowBounds: (bounds) => file.write({ ...current(), windowBounds: bounds }),
  };
}

export function keepShellOwnedKeys(incoming: unknown, current: Readonly<Record<string, unknown>>): Record<string, unknown> {
  if (typeof incoming !== 'object' || incoming === null || Array.isArray(incoming))
    throw new TypeError('Settings must be written as one object.');
  const { windowBounds: _fromServices, ...rest } = incoming as Record<string, unknown>;
  return current.windowBounds === undefined ? rest : { ...rest, windowBounds: current.windowBounds };
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
