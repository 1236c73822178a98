import { newId } from '@shared/ids';
import {
  defaultPreferences,
  preferencesSchema,
  settingsSchema,
  type Preferences,
  type PreferencesPatch,
  type Settings,
} from '@shared/domain/settings';
import type { Logger, SettingsBackend } from '../app/host';

export interface SettingsService {
  get(): Settings;
  preferences(): Preferences;
  updatePreferences(patch: PreferencesPatch): Preferences;
  update(change: (current: Settings) => Settings): Settings;
}

/**
 * Reads whatever the backend holds and keeps every valid part of it: an unknown or
 * out-of-range preference falls back to its default instead of discarding the rest.
 */
function repair(raw: unknown, log: Logger): Settings {
  const parsed = settingsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const source = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  // A first run has no device id yet (conf may already hold schema defaults): nothing to repair.
  if (source.deviceId === undefined) {
    const fresh = settingsSchema.safeParse({ preferences: defaultPreferences(), ...source, deviceId: newId() });
    if (fresh.success) return fresh.data;
  }
  const preferences = defaultPreferences();
  const storedPreferences = (source.preferences ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(preferences) as (keyof Preferences)[]) {
    const field = preferencesSchema.shape[key].safeParse(storedPreferences[key]);
    if (field.success) (preferences as Record<string, unknown>)[key] = field.data;
  }
  const deviceId = typeof source.deviceId === 'string' && source.deviceId.length > 0 ? source.deviceId.slice(0, 64) : newId();
  log.warn('Settings did not validate; kept the valid values and reset the rest', { issues: parsed.error.issues.length });
  return settingsSchema.parse({ deviceId, preferences, sandboxProvisioned: source.sandboxProvisioned === true });
}

export function createSettingsService(backend: SettingsBackend, log: Logger): SettingsService {
  let current = repair(backend.read(), log);
  backend.write(current);
  const update = (change: (current: Settings) => Settings) => {
    current = settingsSchema.parse(change(current));
    backend.write(current);
    return current;
  };
  return {
    get: () => current,
    preferences: () => current.preferences,
    updatePreferences: (patch) => update((s) => ({ ...s, preferences: { ...s.preferences, ...patch } })).preferences,
    update,
  };
}
