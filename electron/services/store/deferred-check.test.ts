import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { seedQueue } from '../../../test/fixtures/seed-queue';
import { silentLogger } from '../app/logger';
import { SqliteConnection } from './connection';
import { openStore } from './database';
import { startDeferredCheck } from './deferred-check';
import { DamagedDatabaseError, damageMarkerOf, FULL_CHECK_AT_OPEN_BYTES } from './integrity';
import { openSettingAsideDamage } from './recovery';
import { sql } from './sql';
import { damageLeafPageOf, tempFolder } from './testing-files';

/**
 * A database too large to check in full before opening opens at once; the full check
 * runs just after start, and damage it finds makes the next start set the file aside.
 */
let folder: ReturnType<typeof tempFolder>;
let file: string;
beforeEach(() => {
  folder = tempFolder('modboard-deferred-');
  file = join(folder.dir, 'modboard.sqlite');
});
afterEach(() => folder.cleanup());

async function largeDamagedDatabase(): Promise<void> {
  const store = await openStore(file);
  await seedQueue(store, { joinRequests: 2_000, communities: 3 });
  await store.close();
  const raw = await SqliteConnection.open(file, 'readwrite');
  await raw.exec(`CREATE TABLE ballast (b BLOB); INSERT INTO ballast VALUES (zeroblob(${FULL_CHECK_AT_OPEN_BYTES + 1_000_000}));`);
  await raw.close();
  await damageLeafPageOf(file, 'join_requests');
  expect(statSync(file).size).toBeGreaterThan(FULL_CHECK_AT_OPEN_BYTES);
}

it('opens a large file after the cheap checks, finds the damage in the background, and the next start sets it aside', async () => {
  await largeDamagedDatabase();
  const store = await openStore(file);
  expect(await store.reader.get(sql`SELECT count(*) AS n FROM communities`)).toEqual({ n: 3 });
  const check = startDeferredCheck({ file, log: silentLogger, delayMs: 0 });
  const deadline = Date.now() + 20_000;
  while (!existsSync(damageMarkerOf(file)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  await check.stop();
  await store.close();

  await expect(openStore(file)).rejects.toBeInstanceOf(DamagedDatabaseError);
  const opened = await openSettingAsideDamage(file, Date.now);
  await opened.store.close();
  expect(opened.setAside?.detail).toMatch(/^found while Modboard ran: /);
  // The note moved aside with the file: the fresh database opened in its place starts clean.
  expect(readdirSync(folder.dir).filter((name) => name.endsWith('-damaged'))).toEqual([`${opened.setAside?.file.split('/').at(-1)}-damaged`]);
  const fresh = await openStore(file);
  expect(await fresh.reader.get(sql`SELECT count(*) AS n FROM communities`)).toEqual({ n: 0 });
  await fresh.close();
}, 60_000);

it('does nothing for a file small enough to have been checked in full at open', async () => {
  const store = await openStore(file);
  const check = startDeferredCheck({ file, log: silentLogger, delayMs: 0 });
  await new Promise((resolve) => setTimeout(resolve, 50));
  await check.stop();
  await store.close();
  expect(existsSync(damageMarkerOf(file))).toBe(false);
});
