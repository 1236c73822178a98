import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConfSettingsBackend } from '../settings/conf-backend';
import type { Services } from './host';
import { silentLogger } from './logger';
import { startServices } from './start-services';

export interface TestServices {
  readonly services: Services;
  /** The data folder, a fresh temp directory. */
  readonly dir: string;
  /** Stops the services and deletes the data folder. */
  stop(): Promise<void>;
}

/** The whole main side, as browser mode composes it, on a fresh data folder, with no background sync. */
export async function startTestServices(prefix: string): Promise<TestServices> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const services = await startServices({
    dataDir: dir,
    settings: createConfSettingsBackend(dir),
    host: { kind: 'browser', openExternal: async () => false },
    log: silentLogger,
    appVersion: 'test',
    startSync: false,
  });
  return {
    services,
    dir,
    stop: async () => {
      await services.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
