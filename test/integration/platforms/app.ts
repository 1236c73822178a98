import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallInput, CallName, CallOutput } from '@shared/contract';
import { defaultPreferences } from '@shared/domain/settings';
import type { Logger, Services } from '@services/app/host';
import { silentLogger } from '@services/app/logger';
import { startServices } from '@services/app/start-services';
import { createConfSettingsBackend } from '@services/settings/conf-backend';

/**
 * The real main side for a platform test: `startServices` (the composition root the
 * shell and browser mode use) on a fresh data folder in a temp dir, sync on, and every
 * call made through `dispatch`, the same validated contract the renderer calls.
 * Settings are written first as a user would have them: no undo grace (pushes go at
 * once), no interval sync (pulls run when asked), and no first-run Sandbox.
 */
export interface PlatformApp {
  readonly dataDir: string;
  readonly services: Services;
  call<K extends CallName>(name: K, payload: CallInput<K>): Promise<CallOutput<K>>;
  /** The typed error of a call the contract refused. */
  refusal<K extends CallName>(name: K, payload: CallInput<K>): Promise<{ code: string; message: string }>;
  stop(): Promise<void>;
}

export async function startPlatformApp(options: { readonly log?: Logger; readonly dataDir?: string } = {}): Promise<PlatformApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'modboard-platform-'));
  const settings = createConfSettingsBackend(dataDir);
  if (!options.dataDir)
    settings.write({ deviceId: 'platform-test-desk', preferences: { ...defaultPreferences(), undoGraceSeconds: 0, syncIntervalMinutes: 1440 }, sandboxProvisioned: true });
  const services = await startServices({
    dataDir,
    settings,
    host: { kind: 'browser', openExternal: async () => false },
    log: options.log ?? silentLogger,
    appVersion: '0.0.0-platforms',
  });
  let stopped = false;
  return {
    dataDir,
    services,
    async call(name, payload) {
      const result = await services.dispatch(name, payload);
      if (!result.ok) throw new Error(`${name} refused: ${result.error.code}: ${result.error.message}`);
      return result.value as never;
    },
    async refusal(name, payload) {
      const result = await services.dispatch(name, payload);
      if (result.ok) throw new Error(`${name} was expected to be refused`);
      return result.error;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await services.stop();
    },
  };
}

export const removeDataDir = (dataDir: string) => rmSync(dataDir, { recursive: true, force: true });

/** Asks until `check` accepts the value, or fails naming the last value seen. */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen in ${timeoutMs} ms; last: ${JSON.stringify(value).slice(0, 800)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The first 200 rows in the view's default order. */
const WINDOW = () => ({ offset: 0, limit: 200, sort: [], filters: {} });

/** Rows of the console's tables, as the views read them. */
export const rows = {
  communities: async (app: PlatformApp) => (await app.call('communities.window', WINDOW())).rows,
  joinRequests: async (app: PlatformApp) => (await app.call('joinRequests.window', WINDOW())).rows,
  flagged: async (app: PlatformApp) => (await app.call('flagged.window', WINDOW())).rows,
  outbox: async (app: PlatformApp) => (await app.call('outbox.window', WINDOW())).rows,
  audit: async (app: PlatformApp) => (await app.call('audit.window', WINDOW())).rows,
};

/** Every push left the outbox: done (or failed, which the caller then looks at). */
export const drained = (app: PlatformApp, timeoutMs = 20_000) =>
  eventually(() => rows.outbox(app), (outbox) => outbox.every((row) => row.state === 'done' || row.state === 'failed'), 'the outbox to drain', timeoutMs);

/** Pulls now and waits until the sync overview says nothing is running. */
export async function syncNow(app: PlatformApp): Promise<void> {
  await app.call('sync.runNow', {});
  await eventually(() => app.call('sync.overview', {}), (overview) => !overview.running, 'the sync to finish');
}

/** Sends an announcement to the given communities and waits for every receipt. */
export async function announce(app: PlatformApp, communityIds: readonly string[], body: string): Promise<string> {
  const draft = await app.call('announcements.create', { title: 'Platform test' });
  const targets = { communities: [...communityIds] };
  await app.call('announcements.saveDraft', { id: draft.id, title: 'Platform test', body, variants: {}, targets });
  await app.call('announcements.send', { id: draft.id, expectedTargets: communityIds.length });
  await eventually(() => app.call('announcements.progress', { id: draft.id }), (p) => p.sent === communityIds.length, 'the announcement to be sent');
  return draft.id;
}
