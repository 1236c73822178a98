import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedQueue } from '../../../test/fixtures/seed-queue';
import { silentLogger } from '../app/logger';
import { backupNameAt, listBackups, pruneBackups, takeBackup } from './backup';
import { startBackupSchedule } from './backup-schedule';
import { SqliteConnection } from './connection';
import { openStore, type Store } from './database';
import { sql } from './sql';
import { tempFolder } from './testing-files';

let folder: ReturnType<typeof tempFolder>;
let store: Store;
let file: string;
let backups: string;
beforeEach(async () => {
  folder = tempFolder('modboard-backup-');
  file = join(folder.dir, 'modboard.sqlite');
  backups = join(folder.dir, 'backups');
  store = await openStore(file);
});
afterEach(async () => {
  await store.close();
  folder.cleanup();
});

const addConnections = (from: number, n: number) =>
  store.writer.transaction(async (tx) => {
    for (let i = from; i < from + n; i++)
      await tx.run(sql`INSERT INTO connections (id, kind, name, created_at, updated_at) VALUES (${`c${i}`}, 'sandbox', 'S', 1, 1)`);
  });

async function inspect(copy: string): Promise<{ n: number; check: string; version: number }> {
  const db = await SqliteConnection.open(copy, 'readonly');
  try {
    const n = (await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM connections`))?.n ?? -1;
    const check = (await db.get<{ integrity_check: string }>(sql`PRAGMA integrity_check`))?.integrity_check ?? '';
    const version = (await db.get<{ user_version: number }>(sql`PRAGMA user_version`))?.user_version ?? -1;
    return { n, check, version };
  } finally {
    await db.close();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('takeBackup', () => {
  it('copies one consistent snapshot while the app keeps writing, and never blocks the writer', async () => {
    await addConnections(0, 200);
    let writes = 0;
    const writing = (async () => {
      for (let i = 0; i < 40; i++) {
        await addConnections(1_000 + i * 10, 10);
        writes++;
      }
    })();
    const backup = await takeBackup(file, backups, Date.now());
    await writing;
    const copy = await inspect(backup.file);
    expect(copy.check).toBe('ok');
    expect(copy.version).toBe(store.schemaVersion);
    // A whole number of committed transactions: 200 plus some tens, never a torn one.
    expect(copy.n % 10).toBe(0);
    expect(copy.n).toBeGreaterThanOrEqual(200);
    expect(writes).toBe(40);
    expect(listBackups(backups)).toEqual([backup]);
  });

  it('leaves nothing behind when interrupted mid-copy', async () => {
    await seedQueue(store, { joinRequests: 40_000, communities: 5 });
    const abort = new AbortController();
    const copying = takeBackup(file, backups, Date.now(), abort.signal);
    while (!existsSync(backups) || readdirSync(backups).length === 0) await sleep(1);
    abort.abort();
    await expect(copying).rejects.toThrow(/SQLITE_INTERRUPT|interrupted/);
    expect(readdirSync(backups)).toEqual([]);
    await expect(takeBackup(file, backups, Date.now(), abort.signal)).rejects.toThrow(/abort/i);
  });
});

describe('rotation', () => {
  it('lists backups newest first and keeps the newest K, clearing copies left half-written', () => {
    const times = [3, 1, 5, 2, 4].map((h) => Date.UTC(2026, 0, 1, h));
    for (const time of times) writeFileSync(join(folder.dir, backupNameAt(time)), 'x');
    writeFileSync(join(folder.dir, `.partial-${backupNameAt(times[0] ?? 0)}`), 'x');
    writeFileSync(join(folder.dir, 'notes.txt'), 'mine');
    expect(listBackups(folder.dir).map((b) => new Date(b.takenAt).getUTCHours())).toEqual([5, 4, 3, 2, 1]);
    pruneBackups(folder.dir, 2);
    expect(listBackups(folder.dir).map((b) => new Date(b.takenAt).getUTCHours())).toEqual([5, 4]);
    expect(readdirSync(folder.dir).filter((n) => n.startsWith('.partial-'))).toEqual([]);
    expect(existsSync(join(folder.dir, 'notes.txt'))).toBe(true);
  });

  it('backs up when due, every period, keeping the newest K; a restart does not add one before it is due', async () => {
    await addConnections(0, 10);
    const policy = { everyMs: 250, keep: 2, firstCheckAfterMs: 0 };
    const schedule = startBackupSchedule({ source: file, folder: backups, log: silentLogger, policy });
    await sleep(1_100);
    await schedule.stop();
    const kept = listBackups(backups);
    expect(kept).toHaveLength(2);
    const [newest, older] = kept;
    expect((newest?.takenAt ?? 0) - (older?.takenAt ?? 0)).toBeGreaterThanOrEqual(250);

    const restarted = startBackupSchedule({ source: file, folder: backups, log: silentLogger, policy: { ...policy, everyMs: 60_000 } });
    await sleep(200);
    await restarted.stop();
    expect(listBackups(backups)).toEqual(kept);
  });
});
