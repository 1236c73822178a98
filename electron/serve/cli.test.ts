import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { join, resolve } from 'node:path';
import sqlite3 from 'sqlite3';
import { build } from 'vite';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '@services/paths';
import { frames, makeRendererDir, openSocket, rawGet } from './testing';

/**
 * `node serve.js` end to end, with the real services: cli.ts alone is bundled the way
 * electron-vite bundles it (dependencies external), into node_modules/.cache so the
 * externals resolve, then spawned like `npm run serve` would.
 */
const root = resolve(import.meta.dirname, '../..');
let buildDir: string;
let serveJs: string;

beforeAll(async () => {
  const cache = join(root, 'node_modules', '.cache');
  await mkdir(cache, { recursive: true });
  buildDir = await mkdtemp(join(cache, 'serve-cli-'));
  serveJs = join(buildDir, 'serve.js');
  await build({
    configFile: false,
    root,
    logLevel: 'silent',
    resolve: {
      alias: { '@shared': join(root, 'shared'), '@services': join(root, 'electron/services'), '@renderer': join(root, 'renderer') },
    },
    build: {
      ssr: join(root, 'electron/serve/cli.ts'),
      outDir: buildDir,
      target: 'node20',
      rollupOptions: { output: { entryFileNames: 'serve.js', format: 'es' } },
    },
  });
});
afterAll(() => rm(buildDir, { recursive: true, force: true }));

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Launch {
  firstLine(): Promise<string>;
  readonly exit: Promise<{ code: number | null; stdout: string; stderr: string }>;
  signal(name: NodeJS.Signals): void;
}

function launch(args: string[]): Launch {
  const child = spawn(process.execPath, [serveJs, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exit = new Promise<{ code: number | null; stdout: string; stderr: string }>((done) =>
    child.on('exit', (code) => done({ code, stdout, stderr })),
  );
  cleanups.push(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await exit;
  });
  const firstLine = () =>
    new Promise<string>((done, fail) => {
      const check = () => stdout.includes('\n') && done(stdout.split('\n', 1)[0] ?? '');
      child.stdout.on('data', check);
      check();
      void exit.then(({ code }) => fail(new Error(`exited ${code} before printing: ${stderr}`)));
    });
  return { firstLine, exit, signal: (name) => child.kill(name) };
}

async function folders() {
  const { dir, rendererDir } = await makeRendererDir();
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return { dir, rendererDir, dataDir: join(dir, 'data') };
}

describe('npm run serve', () => {
  it('prints one line with the address, serves calls, and stops cleanly on SIGTERM', async () => {
    const { rendererDir, dataDir } = await folders();
    const run = launch(['--data-dir', dataDir, '--renderer-dir', rendererDir, '--no-sync']);
    const line = await run.firstLine();
    const match = /^Modboard is running at http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]{43})$/.exec(line);
    expect(match).not.toBeNull();
    const port = Number(match?.[1]);
    const token = match?.[2] ?? '';

    expect((await rawGet(port, '/', { host: `127.0.0.1:${port}` })).status).toBe(401);
    const signIn = await rawGet(port, `/?token=${token}`, { host: `127.0.0.1:${port}` });
    expect(signIn.status).toBe(303);

    const outcome = await openSocket(port, { path: `/ws?token=${token}` });
    if (!('opened' in outcome)) throw new Error(`refused ${outcome.refused}`);
    const next = frames(outcome.opened);
    outcome.opened.send(JSON.stringify({ id: 1, name: 'app.info', payload: {} }));
    expect(await next(1)).toMatchObject([{ id: 1, result: { ok: true, value: { host: 'browser', dataDir } } }]);

    run.signal('SIGTERM');
    const { code, stdout, stderr } = await run.exit;
    expect(code).toBe(0);
    expect(stdout).toBe(`${line}\n`);
    expect(stderr).not.toContain(token);
  });

  it('refuses to listen beyond loopback', async () => {
    const { code, stderr } = await launch(['--host', '0.0.0.0']).exit;
    expect(code).toBe(2);
    expect(stderr).toContain('never listens beyond loopback');
  });

  it('names a taken port and exits non-zero', async () => {
    const { rendererDir, dataDir } = await folders();
    const blocker: Server = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
    cleanups.push(() => new Promise((done) => blocker.close(done)));
    const port = (blocker.address() as { port: number }).port;
    const { code, stdout, stderr } = await launch(['--port', String(port), '--data-dir', dataDir, '--renderer-dir', rendererDir, '--no-sync']).exit;
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(`Port ${port} is already in use`);
  });

  it("prints the services' reason when a database comes from a newer version", async () => {
    const { rendererDir, dir } = await folders();
    const dataDir = await mkdtemp(join(dir, 'newer-'));
    await new Promise<void>((done, fail) => {
      const db = new sqlite3.Database(join(dataDir, DATABASE_FILE));
      db.exec('PRAGMA user_version = 9999', (error) => (error ? fail(error) : db.close(() => done())));
    });
    const { code, stderr } = await launch(['--data-dir', dataDir, '--renderer-dir', rendererDir, '--no-sync']).exit;
    expect(code).toBe(1);
    expect(stderr).toContain('Modboard could not start: This database was written by a newer version of Modboard');
  });
});
