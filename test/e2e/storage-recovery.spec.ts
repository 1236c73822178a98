import { spawn } from 'node:child_process';
import { chmodSync, closeSync, mkdirSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import sqlite3 from 'sqlite3';
import { makeDataDir, startBrowserMode } from './support/browser-mode';
import { connectContract } from './support/contract-client';

/**
 * Storage failures at start, through the real `serve.js`: a damaged database is set
 * aside and the message names it and the latest backup; `--restore-backup` brings that
 * backup back; a second Modboard on the same folder, and a folder it cannot write,
 * are refused with a sentence a person can act on.
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

async function saveReason(dataDir: string, label: string): Promise<void> {
  const app = await startBrowserMode({ dataDir, args: ['--no-sync'] });
  const contract = await connectContract(app.origin, app.token);
  const saved = await contract.call('reasons.save', { label, text: label });
  contract.close();
  await app.stop();
  if (!saved.ok) throw new Error(saved.error.message);
}

/** A torn page in the middle of the audit log, as a bad disk or an interrupted copy leaves one. */
async function damage(file: string): Promise<void> {
  const [page] = await sql<{ pageno: number }>(file, "SELECT pageno FROM dbstat WHERE name = 'audit_log' AND pagetype = 'leaf' ORDER BY pageno DESC LIMIT 1");
  if (!page) throw new Error('no page to damage');
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, (page.pageno - 1) * 4096);
  closeSync(fd);
}

test('a damaged database is set aside, named with the latest backup, and --restore-backup brings the backup back', async () => {
  const dataDir = makeDataDir();
  const file = join(dataDir, 'modboard.sqlite');
  try {
    await saveReason(dataDir, 'Saved before the backup');
    mkdirSync(join(dataDir, 'backups'));
    const backup = join(dataDir, 'backups', `modboard-${new Date().toISOString().replace(/[:.]/g, '-')}.sqlite`);
    await sql(file, `VACUUM INTO '${backup}'`);
    await saveReason(dataDir, 'Saved after the backup');
    await damage(file);

    const refused = await runServe(['--data-dir', dataDir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^Modboard could not start: Modboard’s database is damaged/);
    const setAside = readdirSync(dataDir).find((name) => /^modboard\.sqlite\.damaged-[\dT-]+Z$/.test(name));
    expect(setAside).toBeDefined();
    expect(refused.stderr).toContain(join(dataDir, setAside ?? ''));
    expect(refused.stderr).toContain(backup);
    expect(refused.stderr).toContain('--restore-backup');

    const app = await startBrowserMode({ dataDir, args: ['--no-sync', '--restore-backup'] });
    const contract = await connectContract(app.origin, app.token);
    const reasons = await contract.call('reasons.list', {});
    contract.close();
    await app.stop();
    const labels = reasons.ok ? reasons.value.map((r) => r.label) : [];
    expect(labels).toContain('Saved before the backup');
    expect(labels).not.toContain('Saved after the backup');
    expect(readdirSync(dataDir)).toContain(setAside);
  } finally {
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
