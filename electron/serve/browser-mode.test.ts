import { writeFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ServicesOptions } from '@services/app/host';
import { silentLogger } from '@services/app/logger';
import { startBrowserMode, readAppVersion, StartupError, type BrowserModeDeps } from './browser-mode';
import { createFakeServices, makeRendererDir, rawGet } from './testing';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup() {
  const { dir, rendererDir } = await makeRendererDir();
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const services = createFakeServices();
  const seen: ServicesOptions[] = [];
  const deps: BrowserModeDeps = {
    startServices: async (options) => {
      seen.push(options);
      return services;
    },
    createSettingsBackend: () => ({ read: () => ({}), write: () => {} }),
    log: silentLogger,
    appVersion: '1.2.3',
  };
  const options = { port: 0, dataDir: join(dir, 'data', 'nested'), rendererDir, startSync: false };
  return { dir, services, seen, deps, options };
}

const startupMessage = async (promise: Promise<unknown>): Promise<string> => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StartupError);
  return (error as Error).message;
};

describe('startBrowserMode', () => {
  it('makes the data folder, starts services as a browser host and serves on loopback', async () => {
    const { services, seen, deps, options } = await setup();
    const running = await startBrowserMode(options, deps);
    cleanups.push(() => running.close());
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
    expect(seen[0]).toMatchObject({ dataDir: options.dataDir, appVersion: '1.2.3', startSync: false, host: { kind: 'browser' } });
    expect(await seen[0]?.host.openExternal('https://example.com')).toBe(false);
    const { pathname, search, host } = new URL(running.url);
    expect((await rawGet(running.port, pathname + search, { host })).status).toBe(303);
    await running.close();
    expect(services.stopped).toBe(true);
  });

  it('refuses a data folder it cannot create or write', async () => {
    const { dir, deps, options } = await setup();
    const file = join(dir, 'a-file');
    await writeFile(file, '');
    const message = await startupMessage(startBrowserMode({ ...options, dataDir: join(file, 'data') }, deps));
    expect(message).toContain(`The data folder ${join(file, 'data')} is not writable`);
  });

  it('explains a missing build', async () => {
    const { dir, deps, options } = await setup();
    const message = await startupMessage(startBrowserMode({ ...options, rendererDir: join(dir, 'nope') }, deps));
    expect(message).toContain('npm run build');
  });

  it("passes on the services' own reason for not starting", async () => {
    const { deps, options } = await setup();
    const failing = { ...deps, startServices: () => Promise.reject(new Error('database written by a newer version')) };
    expect(await startupMessage(startBrowserMode(options, failing))).toBe('Modboard could not start: database written by a newer version');
  });

  it('names a taken port and stops the services it started', async () => {
    const { services, deps, options } = await setup();
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => blocker.close(resolve)));
    const port = (blocker.address() as { port: number }).port;
    const message = await startupMessage(startBrowserMode({ ...options, port }, deps));
    expect(message).toBe(`Port ${port} is already in use on 127.0.0.1. Pick another with --port, or --port 0 for any free port.`);
    expect(services.stopped).toBe(true);
  });
});

describe('readAppVersion', () => {
  it('reads the root package.json version from source or build', async () => {
    expect(await readAppVersion(import.meta.url)).toMatch(/^\d+\.\d+\.\d+/);
    expect(await readAppVersion('file:///nowhere/at/all.js')).toBe('unknown');
  });
});
