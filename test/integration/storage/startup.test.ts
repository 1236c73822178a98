import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '@services/app/host';
import { silentLogger } from '@services/app/logger';
import { startServices } from '@services/app/start-services';
import { createConfSettingsBackend } from '@services/settings/conf-backend';
import { backupFolderOf, listBackups, takeBackup } from '@services/store/backup';
import { decideJoinRequests } from '@services/decisions/join-decisions';
import { openStore } from '@services/store/database';
import { sql } from '@services/store/sql';
import type { RecoveryStatus } from '@shared/contract/app';
import { seedQueue } from '../../fixtures/seed-queue';
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

const recovery = async (services: Services) => {
  const status = await services.dispatch('app.recovery', {});
  if (!status.ok) throw new Error(status.error.message);
  return status.value as RecoveryStatus;
};

const setAsideNames = (why: 'damaged' | 'replaced') => readdirSync(dataDir).filter((n) => new RegExp(`^modboard\\.sqlite\\.${why}-[\\dT-]+Z$`).test(n));

describe('a damaged database at start', () => {
  it('is set aside, never deleted; the console starts on an empty database and offers the backups', async () => {
    await damagedWithBackup();
    const damagedBytes = readFileSync(file);
    const services = await start();
    const status = await recovery(services);
    expect(status.setAside?.file).toMatch(/modboard\.sqlite\.damaged-\d{4}-\d{2}-\d{2}T[\d-]+Z$/);
    expect(status.setAside?.detail).toBeTruthy();
    expect(readFileSync(status.setAside?.file ?? '').equals(damagedBytes)).toBe(true);
    const [backup] = listBackups(backupFolderOf(dataDir));
    expect(status.backups).toEqual([{ name: basename(backup?.file ?? ''), takenAt: backup?.takenAt, bytes: backup?.bytes }]);
    expect(await reasonLabels(services)).not.toContain('before backup');
  });

  it('restores a chosen backup from the running console: the empty database is set aside and the services reopen on the copy', async () => {
    await damagedWithBackup();
    const services = await start();
    const [offered] = (await recovery(services)).backups;
    const restored = await services.dispatch('app.restoreBackup', { name: offered?.name ?? '' });
    expect(restored).toMatchObject({ ok: true, value: { backup: offered } });
    expect(await reasonLabels(services)).toContain('before backup');
    expect(await reasonLabels(services)).not.toContain('after backup');
    expect((await recovery(services)).setAside).toBeNull();
    expect(setAsideNames('damaged')).toHaveLength(1);
    expect(setAsideNames('replaced')).toHaveLength(1);
    // The services on the copy write, and a clean stop leaves a database the next start opens as is.
    await saveReason(services, 'after restore');
    await stop(services);
    const again = await start();
    expect(await reasonLabels(again)).toEqual(expect.arrayContaining(['before backup', 'after restore']));
    expect((await recovery(again)).setAside).toBeNull();
  });

  it('refuses a name that is not in the backups folder, and a backup that fails its check, changing nothing', async () => {
    const services = await start();
    await saveReason(services, 'kept');
    const bad = await takeBackup(file, backupFolderOf(dataDir), Date.now());
    await damageLeafPageOf(bad.file, 'decision_reasons');
    for (const name of ['../modboard.sqlite', '/etc/passwd', 'modboard-2020-01-01T00-00-00-000Z.sqlite']) {
      expect(await services.dispatch('app.restoreBackup', { name })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    }
    expect(await services.dispatch('app.restoreBackup', { name: basename(bad.file) })).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: expect.stringContaining('failed its check') },
    });
    expect(await reasonLabels(services)).toContain('kept');
    expect(setAsideNames('replaced')).toEqual([]);
  });

  it('sends nothing twice after a restore: pushes still queued in the copy are held for the platform to confirm', async () => {
    const services = await start();
    await stop(services);
    const raw = await openStore(file);
    await seedQueue(raw, { joinRequests: 3, communities: 1 });
    const [request] = await raw.reader.all<{ id: string }>(sql`SELECT id FROM join_requests LIMIT 1`);
    await decideJoinRequests(raw, { target: { kind: 'ids', ids: [request?.id ?? ''] }, decision: 'approve', reason: null, snoozeUntil: null, actor: 'me', device: 'desk', graceMs: 0, now: Date.now() });
    await raw.close();
    const backup = await takeBackup(file, backupFolderOf(dataDir), Date.now());
    const running = await start();
    expect(await running.dispatch('app.restoreBackup', { name: basename(backup.file) })).toMatchObject({ ok: true });
    await stop(running);
    const reopened = await openStore(file);
    expect(await reopened.reader.all(sql`SELECT state FROM outbox`)).toEqual([{ state: 'in-flight' }]);
    await reopened.close();
  });

  it('restores the latest backup with --restore-backup, setting aside whatever was in place', async () => {
    await damagedWithBackup();
    // Started once without restoring: an empty database that the restore must not delete either.
    await stop(await start());
    const services = await start({ restoreBackup: true });
    expect(await reasonLabels(services)).toContain('before backup');
    expect(await reasonLabels(services)).not.toContain('after backup');
    expect(setAsideNames('damaged')).toHaveLength(1);
    expect(setAsideNames('replaced')).toHaveLength(1);
  });

  it('says there is no backup yet, and starts on an empty database', async () => {
    await stop(await start());
    await damageLeafPageOf(file, 'sync_cursors').catch(() => damageLeafPageOf(file, 'decision_reasons'));
    const services = await start();
    const status = await recovery(services);
    expect(status.setAside).not.toBeNull();
    expect(status.backups).toEqual([]);
    expect(await services.dispatch('app.info', {})).toMatchObject({ ok: true });
  });

  it('refuses --restore-backup when there is no backup, leaving the database in place', async () => {
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
