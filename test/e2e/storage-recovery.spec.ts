import { spawn } from 'node:child_process';
import { chmodSync, closeSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import sqlite3 from 'sqlite3';
import { makeDataDir, seed, startBrowserMode, type BrowserMode } from './support/browser-mode';

/**
 * Storage failures at start, through the real `serve.js`: a damaged database is set
 * aside and the console starts on an empty one, offering the automatic backups in
 * Settings; restoring one brings its rows back without a restart. A second Modboard
 * on the same folder, and a folder it cannot write, are refused with a sentence a
 * person can act on.
 */
const SERVE = join(resolve(import.meta.dirname, '../..'), 'out/main/serve.js');

function runServe(args: string[], options: { uid?: number; gid?: number } = {}): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [SERVE, '--port', '0', '--no-sync', ...args], { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on('data', () => child.kill('SIGTERM'));
  return new Promise((done) => child.on('exit', (code) => done({ code, stderr })));
}

function sql<T>(file: string, statement: string, mode = sqlite3.OPEN_READWRITE): Promise<T[]> {
  const db = new sqlite3.Database(file, mode);
  return new Promise((done, fail) =>
    db.all(statement, (error, rows) => {
      db.close();
      if (error) fail(error);
      else done(rows as T[]);
    }),
  );
}

/** A torn page in the middle of the join requests, as a bad disk or an interrupted copy leaves one. */
async function damage(file: string): Promise<void> {
  const [page] = await sql<{ pageno: number }>(file, "SELECT pageno FROM dbstat WHERE name = 'join_requests' AND pagetype = 'leaf' ORDER BY pageno DESC LIMIT 1");
  if (!page) throw new Error('no page to damage');
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, (page.pageno - 1) * 4096);
  closeSync(fd);
}

const ROWS = 300;

test('a damaged database is set aside, the console offers the latest backup, and restoring it brings the rows back', async ({ page }) => {
  const dataDir = makeDataDir();
  const file = join(dataDir, 'modboard.sqlite');
  let app: BrowserMode | undefined;
  try {
    seed(dataDir, ROWS);
    mkdirSync(join(dataDir, 'backups'));
    const backup = `modboard-${new Date(Date.now() - 3_600_000).toISOString().replace(/[:.]/g, '-')}.sqlite`;
    await sql(file, `VACUUM INTO '${join(dataDir, 'backups', backup)}'`);
    await damage(file);
    const damagedBytes = readFileSync(file);

    app = await startBrowserMode({ dataDir, args: ['--no-sync'] });
    await page.goto(app.url);
    const grid = page.getByRole('grid', { name: 'Join requests' });
    await expect(grid).toHaveAttribute('aria-rowcount', '1');

    // Whatever view is open, a banner says why the queues are empty and leads to the backups.
    const banner = page.getByRole('alert').filter({ hasText: 'The database was damaged and set aside' });
    await expect(banner).toContainText('1 automatic backup can be restored.');
    await banner.getByRole('button', { name: 'Restore a backup…' }).click();
    const section = page.getByRole('region', { name: 'Backups' });
    const setAside = readdirSync(dataDir).find((name) => /^modboard\.sqlite\.damaged-[\dT-]+Z$/.test(name)) ?? '';
    expect(readFileSync(join(dataDir, setAside)).equals(damagedBytes)).toBe(true);
    await expect(section.getByRole('alert')).toContainText('The database was damaged');
    await expect(section.getByRole('alert')).toContainText(join(dataDir, setAside));
    const offered = section.getByRole('table', { name: 'Automatic backups' }).getByRole('row');
    await expect(offered).toHaveCount(2);
    await expect(offered.nth(1)).toContainText(/ago/);
    await expect(offered.nth(1)).toContainText(/\d+(\.\d)? MB/);

    await offered.nth(1).getByRole('button', { name: /^Restore the backup taken/ }).click();
    await section.getByRole('group', { name: 'Confirm the restore' }).getByRole('button', { name: 'Restore this backup' }).click();

    // The page starts afresh on the restored data: every seeded row is back, and the offer is gone.
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Join requests' }).click();
    await expect(grid).toHaveAttribute('aria-rowcount', String(ROWS + 1), { timeout: 20_000 });
    await expect(grid.getByRole('row').nth(1)).toContainText(/\S/);
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByRole('region', { name: 'Backups' })).not.toContainText('The database was damaged');
    await expect(page.getByRole('alert').filter({ hasText: 'set aside' })).toHaveCount(0);

    // Nothing was deleted: the damaged file and the empty database it ran on meanwhile both stay beside it.
    const names = readdirSync(dataDir);
    expect(names).toContain(setAside);
    expect(names.filter((name) => /^modboard\.sqlite\.replaced-[\dT-]+Z$/.test(name))).toHaveLength(1);
    expect(readdirSync(join(dataDir, 'backups'))).toContain(backup);
  } finally {
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a second Modboard on the same data folder is refused while the first runs', async () => {
  const dataDir = makeDataDir();
  const first = await startBrowserMode({ dataDir, args: ['--no-sync'] });
  try {
    const second = await runServe(['--data-dir', dataDir]);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`Another Modboard (the desktop app or browser mode) is using the data folder ${dataDir}`);
  } finally {
    await first.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a data folder it cannot write is named at start', async () => {
  const dataDir = makeDataDir();
  const root = process.getuid?.() === 0;
  // Root writes anywhere: run as nobody instead, on a folder nobody may not write.
  if (!root) chmodSync(dataDir, 0o555);
  try {
    const refused = await runServe(['--data-dir', dataDir], root ? { uid: 65534, gid: 65534 } : {});
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`The data folder ${dataDir} is not writable (EACCES)`);
  } finally {
    chmodSync(dataDir, 0o755);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
