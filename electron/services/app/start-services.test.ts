import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CALL_NAMES } from '@shared/contract';
import { createConfSettingsBackend } from '../settings/conf-backend';
import { LATEST_SCHEMA_VERSION } from '../store/migrations';
import { silentLogger } from './logger';
import { startServices } from './start-services';
import type { Services } from './host';

let dir: string;
let services: Services;

const start = () =>
  startServices({
    dataDir: dir,
    settings: createConfSettingsBackend(dir),
    host: { kind: 'browser', openExternal: async () => false },
    log: silentLogger,
    appVersion: '0.0.0-test',
    startSync: false,
  });

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'modboard-services-'));
  services = await start();
});
afterEach(async () => {
  await services.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('dispatch', () => {
  it('answers a well-formed call', async () => {
    const result = await services.dispatch('communities.window', { offset: 0, limit: 10, sort: [], filters: {} });
    expect(result).toEqual({ ok: true, value: { rows: [], total: 0, offset: 0 } });
  });

  it('refuses unknown calls and malformed payloads on every call with a typed error', async () => {
    expect(await services.dispatch('constructor', {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(await services.dispatch(42, {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    const junk = [null, 'x', 7, [], { offset: -1 }, { __proto__: { admin: true } }, { unexpected: 'field' }];
    for (const name of CALL_NAMES) {
      for (const payload of junk) {
        const result = await services.dispatch(name, payload);
        // Calls without input accept only an empty object; everything else must fail closed.
        if (result.ok) expect(payload, `${name} accepted ${JSON.stringify(payload)}`).toEqual({});
        else expect(result.error.code).toBe('invalid-input');
      }
    }
    // Still serving, and nothing was written by the junk.
    const prefs = await services.dispatch('settings.get', {});
    expect(prefs).toMatchObject({ ok: true, value: { undoGraceSeconds: 8 } });
  });

  it('saves a preference change and rejects an out-of-range one without writing', async () => {
    expect(await services.dispatch('settings.update', { undoGraceSeconds: 3 })).toMatchObject({ ok: true, value: { undoGraceSeconds: 3 } });
    const before = readFileSync(join(dir, 'config.json'), 'utf8');
    expect(await services.dispatch('settings.update', { undoGraceSeconds: 9999 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(readFileSync(join(dir, 'config.json'), 'utf8')).toBe(before);
  });

  it('refuses to open non-http links', async () => {
    expect(await services.dispatch('shell.openExternal', { url: 'javascript:alert(1)' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
  });
});

describe('settings file', () => {
  it('sets a damaged settings file aside and starts with defaults', async () => {
    await services.stop();
    writeFileSync(join(dir, 'config.json'), '{ this is not json');
    services = await start();
    expect(await services.dispatch('settings.get', {})).toMatchObject({ ok: true, value: { theme: 'system' } });
    const info = await services.dispatch('app.info', {});
    expect(info).toMatchObject({ ok: true, value: { host: 'browser', schemaVersion: LATEST_SCHEMA_VERSION } });
  });
});
