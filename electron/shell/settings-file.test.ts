import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConfSettingsBackend } from '@services/settings/conf-backend';
import { defaultPreferences } from '@shared/domain/settings';
import { keepShellOwnedKeys, settingsStoreOptions, withShellOwnedBounds } from './settings-file';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'modboard-settings-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** electron-store is conf with `name` as configName and userData as cwd; this is that, minus Electron. */
function openDesktopStore() {
  const { name, ...options } = settingsStoreOptions();
  return new Conf<Record<string, unknown>>({ ...options, configName: name, cwd: dir });
}

const bounds = { x: 10, y: 20, width: 1200, height: 800, maximized: false };
const valid = { deviceId: 'desk-1', preferences: defaultPreferences(), windowBounds: bounds, sandboxProvisioned: true };

describe('settingsStoreOptions', () => {
  it('reads and writes the same config.json as browser mode', () => {
    createConfSettingsBackend(dir).write(valid);
    expect(openDesktopStore().store).toEqual(valid);

    const desktop = openDesktopStore();
    desktop.store = { ...valid, deviceId: 'desk-2' };
    expect(createConfSettingsBackend(dir).read()).toEqual({ ...valid, deviceId: 'desk-2' });
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'))).toMatchObject({ deviceId: 'desk-2' });
  });

  it('refuses to write what the zod schema refuses', () => {
    const store = openDesktopStore();
    expect(() => (store.store = { ...valid, preferences: { ...valid.preferences, theme: 'neon' } })).toThrow(/schema violation/);
    expect(() => (store.store = { ...valid, windowBounds: { ...bounds, width: 10 } })).toThrow(/schema violation/);
    expect(() => (store.store = { ...valid, unknownKey: 1 })).toThrow(/schema violation/);
  });
});

describe('withShellOwnedBounds', () => {
  it('keeps the bounds the shell saved when the services write a stale copy', () => {
    const file = withShellOwnedBounds(createConfSettingsBackend(dir));
    file.backend.write(valid);
    const moved = { x: 500, y: 400, width: 1000, height: 700, maximized: true };
    file.writeWindowBounds(moved);
    file.backend.write({ ...valid, sandboxProvisioned: false });
    expect(file.backend.read()).toEqual({ ...valid, sandboxProvisioned: false, windowBounds: moved });
    expect(file.readWindowBounds()).toEqual(moved);
  });

  it('has no bounds on a first run and ignores bounds the schema would refuse', () => {
    const store = new Map<string, unknown>([['value', {}]]);
    const file = withShellOwnedBounds({ read: () => store.get('value'), write: (v) => store.set('value', v) });
    expect(file.readWindowBounds()).toBeUndefined();
    store.set('value', { windowBounds: { x: 0, y: 0, width: 5, height: 5, maximized: false } });
    expect(file.readWindowBounds()).toBeUndefined();
  });
});

describe('keepShellOwnedKeys', () => {
  it('does not invent bounds the file does not have', () => {
    const { windowBounds: _none, ...withoutBounds } = valid;
    expect(keepShellOwnedKeys(valid, withoutBounds)).toEqual(withoutBounds);
  });

  it.each([null, 'settings', [1, 2]])('refuses to write %j as the settings object', (value) => {
    expect(() => keepShellOwnedKeys(value, {})).toThrow(TypeError);
  });
});
