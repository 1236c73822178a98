import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeDataDir, startBrowserMode, type BrowserMode } from './browser-mode';
import { connectContract, untilFirstSyncDone } from './contract-client';
import { startSandbox, type SandboxProcess } from './sandbox-process';

export interface SyncedDesk {
  readonly server: BrowserMode;
  readonly sandbox: SandboxProcess;
  readonly dataDir: string;
  stop(): Promise<void>;
}

/**
 * Browser mode on a desk past its first run (no embedded Sandbox), connected to a
 * standalone Sandbox started with `sandboxArgs` (so a test can read what the platform
 * received), after its first full sync: counts and queue order are final.
 */
export async function startSyncedDesk(sandboxArgs: readonly string[], preferences: Record<string, unknown> = {}): Promise<SyncedDesk> {
  const sandbox = await startSandbox([...sandboxArgs]);
  const dataDir = makeDataDir();
  writeFileSync(join(dataDir, 'config.json'), JSON.stringify({ deviceId: 'E2EDESK', sandboxProvisioned: true, preferences }));
  const server = await startBrowserMode({ dataDir });
  const contract = await connectContract(server.origin, server.token);
  try {
    const added = await contract.call('connections.addSandbox', { name: 'Sandbox network', url: sandbox.url, token: sandbox.token });
    if (!added.ok) throw new Error(added.error.message);
    await untilFirstSyncDone(contract);
  } finally {
    contract.close();
  }
  return {
    server,
    sandbox,
    dataDir,
    async stop() {
      await server.stop();
      await sandbox.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
