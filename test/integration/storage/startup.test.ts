import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '@services/app/host';
import { silentLogger } from '@services/app/logger';
import { startServices } from '@services/app/start-services';
import { createConfSettingsBackend } from '@services/settings/conf-backend';
import { backupFolderOf, listBackups, takeBackup } from '@services/store/backup';
import { DatabaseSetAsideFailure } from '@services/store/recovery';
import { damageLeafPageOf, tempFolder } from '@services/store/testing-files';
import { readOnlyFolder } from './read-only-folder';

let folder: ReturnType<typeof tempFolder>;
let dataDir: string;
let file: string;
const running: Services[] = [];
beforeEach(() => {
  folder = tempFolder('modboard-startup-');
  dataDir = join(folder.dir, 'data');
  file = join(dataDir, 'modboard.sqlite');
});
afterEach(async () => {
  for (const services of running.splice(0)) await services.stop();
  folder.cleanup();
});

/** `dir` is a folder startServices must judge on its own, so its settings live in memory. */
async function start(options: { restoreBackup?: boolean; dir?: string } = {}): Promise<Services> {
  const dir = options.dir ?? dataDir;
  const services = await startServices({
    dataDir: dir,
    settings: options.dir ? { read: () => ({}), write: () => {} } : createConfSettingsBackend(dir),
    host: { kind: 'browser', openExternal: async () => false },
    log: silentLogger,
    appVersion: '0.0.0-test',
    startSync: false,
    restoreBackup: options.restoreBackup,
  });
  running.push(services);
  return services;
}

async function stop(services: Services): Promise<void> {
  running.splice(running.indexOf(services), 1);
  await services.stop();
}

const failureOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(Error);
  return error as Error & { code?: string };
};

async function saveReason(services: Services, label: string): Promise<void> {
  const saved = await services.dispatch('reasons.save', { label, text: `${label} text` });
  expect(saved.ok).toBe(true);
}

async function reasonLabels(services: Services): Promise<string[]> {
  const listed = await services.dispatch('reasons.list', {});
  if (!listed.ok) throw new Error(listed.error.message);
  return (listed.value as { label: string }[]).map((r) => r.label);
}

/** A database with "before backup" in its backup and "after backup" only in the file, which is then damaged. */
async function damagedWithBackup(): Promise<void> {
  let services = await start();
  await saveReason(services, 'before backup');
  await stop(services);
  await takeBackup(file, backupFolderOf(dataDir), Date.now());
  services = await start();
  await saveReason(services, 'after backup');
  await stop(services);
  await damageLeafPageOf(file, 'audit_log');
}

describe('a damaged database at start', () => {
  it('is set aside, never deleted, and the failure names the set-aside file and the latest backup', async () => {
    await damagedWithBackup();
    const damagedBytes = readFileSync(file);
    const error = await failureOf(start());
    expect(error).toBeInstanceOf(DatabaseSetAsideFailure);
    const failure = error as DatabaseSetAsideFailure;
    expect(failure.code).toBe('unavailable');
    expect(failure.setAsideAs).toMatch(/modboard\.sqlite\.damaged-\d{4}-\d{2}-\d{2}T[\d-]+Z$/);
    expect(readFileSync(failure.setAsideAs).equals(damagedBytes)).toBe(true);
    expect(existsSync(file)).toBe(false);
    const backup = listBackups(backupFolderOf(dataDir))[0];
    expect(failure.latestBackup).toEqual(backup);
    expect(failure.message).toContain(failure.setAsideAs);
    expect(failure.message).toContain(backup?.file);
    expect(failure.message).toContain('--restore-backup');
  });

  it('restores the latest backup on request, setting aside whatever was in place', async () => {
    await damagedWithBackup();
    await failureOf(start());
    // Started once without restoring: an empty database that the restore must not delete either.
    await stop(await start());
    const services = await start({ restoreBackup: true });
    expect(await reasonLabels(services)).toContain('before backup');
    expect(await reasonLabels(services)).not.toContain('after backup');
    const names = readdirSync(dataDir);
    expect(names.filter((n) => /^modboard\.sqlite\.damaged-[\dT-]+Z$/.test(n))).toHaveLength(1);
    expect(names.filter((n) => /^modboard\.sqlite\.replaced-[\dT-]+Z$/.test(n))).toHaveLength(1);
  });

  it('says so when there is no backup yet, and a plain restart begins with an empty database', async () => {
    await stop(await start());
    await damageLeafPageOf(file, 'sync_cursors').catch(() => damageLeafPageOf(file, 'decision_reasons'));
    const error = (await failureOf(start())) as DatabaseSetAsideFailure;
    expect(error.latestBackup).toBeNull();
    expect(error.message).toContain('There is no automatic backup yet');
    const services = await start();
    expect(await services.dispatch('app.info', {})).toMatchObject({ ok: true });
  });

  it('refuses to restore when there is no backup, leaving the database in place', async () => {
    await stop(await start());
    const before = readFileSync(file);
    const error = await failureOf(start({ restoreBackup: true }));
    expect(error.message).toContain('There is no automatic backup to restore');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('passes over a newer backup that fails its check', async () => {
    const services = await start();
    await saveReason(services, 'good');
    await stop(services);
    const good = await takeBackup(file, backupFolderOf(dataDir), Date.now() - 60_000);
    const bad = await takeBackup(file, backupFolderOf(dataDir), Date.now());
    await damageLeafPageOf(bad.file, 'decision_reasons');
    const restored = await start({ restoreBackup: true });
    expect(await reasonLabels(restored)).toContain('good');
    expect(listBackups(backupFolderOf(dataDir)).map((b) => b.file)).toEqual([bad.file, good.file]);
  });
});

describe('the data folder', () => {
  it('is used by one Modboard at a time, with a clear message for the second', async () => {
    const first = await start();
    const error = await failureOf(start());
    expect(error.code).toBe('unavailable');
    expect(error.message).toBe(
      `Another Modboard (the desktop app or browser mode) is using the data folder ${dataDir}. Close it first, or use another data folder (browser mode: --data-dir).`,
    );
    await stop(first);
    await start();
  });

  it('gives a clear message when it is read-only', async (context) => {
    const readOnly = readOnlyFolder();
    if (!readOnly) return context.skip('cannot make a read-only folder here');
    try {
      const error = await failureOf(start({ dir: readOnly.dir }));
      expect(error.code).toBe('storage-readonly');
      expect(error.message).toMatch(new RegExp(`^Modboard cannot write to its data folder ${readOnly.dir} \\((EROFS|EACCES)\\)`));
    } finally {
      readOnly.cleanup();
    }
  });

  it('gives a clear message when it cannot be created', async () => {
    const aFile = join(folder.dir, 'a-file');
    writeFileSync(aFile, '');
    const error = await failureOf(start({ dir: join(aFile, 'data') }));
    expect(error.code).toBe('storage-readonly');
    expect(error.message).toContain(`Modboard cannot write to its data folder ${join(aFile, 'data')} (ENOTDIR)`);
  });
});
