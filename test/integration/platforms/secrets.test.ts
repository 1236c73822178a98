import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultPreferences } from '@shared/domain/settings';
import { createConfSettingsBackend } from '@services/settings/conf-backend';
import { makeRendererDir } from '../../../electron/serve/testing';
import { connectContract, waitFor } from '../../e2e/support/contract-client';
import { discordHarness, discourseHarness, telegramHarness, type PlatformHarness } from './harness';

/**
 * A whole session with a token for every platform, failures included (a refused
 * token, a revoked one, a platform answering 500, one that is unreachable), run by
 * `node serve.js` as a user would start browser mode. Afterwards no token is in any
 * file of the data folder (the vault holds them sealed) or in anything the process
 * wrote to stdout or stderr.
 */
const root = resolve(import.meta.dirname, '../../..');
let buildDir: string;
let serveJs: string;

beforeAll(async () => {
  const cache = join(root, 'node_modules', '.cache');
  await mkdir(cache, { recursive: true });
  buildDir = await mkdtemp(join(cache, 'serve-secrets-'));
  serveJs = join(buildDir, 'serve.js');
  await build({
    configFile: false,
    root,
    logLevel: 'silent',
    resolve: { alias: { '@shared': join(root, 'shared'), '@services': join(root, 'electron/services'), '@renderer': join(root, 'renderer') } },
    build: { ssr: join(root, 'electron/serve/cli.ts'), outDir: buildDir, target: 'node20', rollupOptions: { output: { entryFileNames: 'serve.js', format: 'es' } } },
  });
}, 120_000);
afterAll(() => rm(buildDir, { recursive: true, force: true }));

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : Promise.resolve([join(dir, e.name)]))));
  return nested.flat();
}

it('leaves no token in the data folder or the logs after a session with failures', async () => {
  const { dir, rendererDir } = await makeRendererDir();
  const dataDir = join(dir, 'data');
  await mkdir(dataDir);
  createConfSettingsBackend(dataDir).write({ deviceId: 'secrets-desk', preferences: { ...defaultPreferences(), undoGraceSeconds: 0, syncIntervalMinutes: 1440 }, sandboxProvisioned: true });
  const platforms: PlatformHarness[] = [await telegramHarness('777001:AAE-secret-telegram-token_xyz'), await discourseHarness('5ec12e7d15c0025e'.repeat(4)), await discordHarness()];
  const [telegram, discourse, discord] = platforms as [PlatformHarness, PlatformHarness, PlatformHarness];
  const tokens = platforms.map((p) => p.token);

  const child = spawn(process.execPath, [serveJs, '--port', '0', '--data-dir', dataDir, '--renderer-dir', rendererDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((done) => child.on('exit', done));
  try {
    const ready = await waitFor(async () => /running at (http:\/\/127\.0\.0\.1:\d+)\/\?token=([\w-]+)/.exec(stdout), (m) => m !== null, 30_000);
    const contract = await connectContract(ready?.[1] ?? '', ready?.[2] ?? '');
    const ok = async <T>(result: Promise<{ ok: boolean; value?: T; error?: unknown }>): Promise<T> => {
      const settled = await result;
      if (!settled.ok) throw new Error(JSON.stringify(settled.error));
      return settled.value as T;
    };

    // A wrong token is refused, and the refusal must not echo it either.
    const wrong = '777001:AAE-wrong-token_should-not-leak';
    tokens.push(wrong);
    expect(await contract.call('connections.add', { ...telegram.connectInput('Wrong'), token: wrong })).toMatchObject({ ok: false });
    const ids: Record<string, string> = {};
    for (const platform of platforms) ids[platform.kind] = (await ok(contract.call('connections.add', platform.connectInput(platform.kind)))).id;
    const pending = await waitFor(async () => (await ok(contract.call('joinRequests.window', { offset: 0, limit: 10, sort: [], filters: {} }))).rows, (r) => r.length === 3, 20_000);

    // Discourse refuses the review-queue read: a logged pull failure.
    discourse.inject({ when: (r) => r.path === '/review.json', reply: { status: 422, json: { errors: ['Invalid filter'], error_type: 'invalid_parameters' } }, times: 5 });
    await ok(contract.call('sync.runNow', { connectionId: ids.discourse ?? '' }));
    await waitFor(async () => ok(contract.call('sync.overview', {})), (o) => o.connections.some((c) => c.connectionId === ids.discourse && c.streams.some((s) => s.lastError)), 20_000);
    // Telegram's token is revoked before a decision: a logged auth failure, then a reconnect with the new one.
    tokens.push(telegram.revoke());
    await ok(contract.call('joinRequests.decide', { target: { kind: 'ids', ids: pending.map((r) => r.id) }, decision: 'approve' }));
    await waitFor(async () => ok(contract.call('connections.list', {})), (list) => list.some((c) => c.state === 'needs-reauth'), 20_000);
    const fresh = telegram.revoke();
    tokens.push(fresh);
    await ok(contract.call('connections.reconnect', { id: ids.telegram ?? '', token: fresh }));
    await waitFor(
      async () => (await ok(contract.call('outbox.window', { offset: 0, limit: 10, sort: [], filters: {} }))).rows,
      (rows) => rows.length === 3 && rows.every((r) => r.state === 'done'),
      20_000,
    );
    expect(telegram.approvals()).toHaveLength(1);
    expect(discord.approvals()).toHaveLength(1);
    expect(discourse.approvals()).toHaveLength(1);

    // Unreachable platforms: calls now fail at the network (retried with backoff while the session ends).
    for (const platform of platforms) await platform.close();
    await ok(contract.call('sync.runNow', {}));
    await new Promise((done) => setTimeout(done, 1_500));
    contract.close();
  } finally {
    child.kill('SIGTERM');
  }
  expect(await exited).toBe(0);
  expect(stderr).toMatch(/refused|paused|failed/i);

  const files = await filesUnder(dataDir);
  expect(files.some((f) => f.endsWith('secrets.json') || f.endsWith('secret.key'))).toBe(true);
  const leaks: string[] = [];
  for (const token of tokens) {
    const forms = [token, encodeURIComponent(token)];
    for (const file of files) {
      if (!(await stat(file)).isFile()) continue;
      const bytes = await readFile(file);
      if (forms.some((form) => bytes.includes(Buffer.from(form)))) leaks.push(`${token.slice(0, 8)}… in ${file}`);
    }
    if (forms.some((form) => stdout.includes(form) || stderr.includes(form))) leaks.push(`${token.slice(0, 8)}… in the logs`);
  }
  expect(leaks).toEqual([]);
  await rm(dir, { recursive: true, force: true });
}, 180_000);
