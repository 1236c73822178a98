import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedQueue } from '../../../test/fixtures/seed-queue';
import { openStore } from './database';
import { DamagedDatabaseError, inspectDatabaseFile } from './integrity';
import { sql } from './sql';
import { damageLeafPageOf, tempFolder } from './testing-files';

let folder: ReturnType<typeof tempFolder>;
beforeEach(() => {
  folder = tempFolder('modboard-integrity-');
});
afterEach(() => folder.cleanup());

async function soundDatabase(): Promise<string> {
  const file = join(folder.dir, 'modboard.sqlite');
  const store = await openStore(file);
  await seedQueue(store, { joinRequests: 3_000, communities: 5, now: 1_800_000_000_000 });
  await store.close();
  return file;
}

const damagedError = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DamagedDatabaseError);
  return error as DamagedDatabaseError;
};

describe('a damaged database at open', () => {
  it('passes a sound file', async () => {
    const file = await soundDatabase();
    await expect(inspectDatabaseFile(file)).resolves.toBeUndefined();
  });

  it('refuses a file that is not a database, without changing a byte', async () => {
    const file = join(folder.dir, 'modboard.sqlite');
    writeFileSync(file, 'these are my notes, not a database '.repeat(500));
    const before = readFileSync(file);
    const error = await damagedError(openStore(file));
    expect(error.detail).toMatch(/not a database/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('finds torn pages with quick_check before anything writes to the file', async () => {
    const file = await soundDatabase();
    await damageLeafPageOf(file, 'join_requests');
    const before = readFileSync(file);
    const error = await damagedError(openStore(file));
    expect(error.message).toContain(file);
    expect(error.detail.length).toBeGreaterThan(0);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('finds a truncated file', async () => {
    const file = await soundDatabase();
    writeFileSync(file, readFileSync(file).subarray(0, 40_960));
    await damagedError(openStore(file));
  });

  it('still opens a sound file normally afterwards', async () => {
    const file = await soundDatabase();
    const store = await openStore(file);
    expect(await store.reader.get(sql`SELECT count(*) AS n FROM join_requests`)).toEqual({ n: 3_000 });
    await store.close();
  });
});
