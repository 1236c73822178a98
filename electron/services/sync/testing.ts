import type { Connector } from '@shared/connectors';
import { silentLogger } from '../app/logger';
import { createSandboxConnector } from '../connectors/sandbox/connector';
import { EventHub } from '../contract/event-hub';
import { startSandboxServer, type SandboxServer, type SandboxServerOptions } from '../sandbox/server';
import { NO_TRICKLE } from '../sandbox/world/trickle';
import { sql, trusted } from '../store/sql';
import { addConnection, openTempStore, type TempStore } from '../store/repositories/testing';
import { createSyncEngine, type SyncEngine, type SyncEngineDeps } from './engine';

/**
 * Test support for the sync engine (imported by *.test.ts only): a real store in a
 * temp folder, the Sandbox network on loopback, and one Sandbox connection whose
 * connector is rebuilt on each request with the token the platform accepts now, as
 * the app's vault would after a re-auth.
 */
export interface SyncRig {
  readonly temp: TempStore;
  readonly server: SandboxServer;
  readonly hub: EventHub;
  readonly connectionId: string;
  connectorFor(connectionId: string): Promise<Connector | null>;
  engine(over?: Partial<SyncEngineDeps>): SyncEngine;
  close(): Promise<void>;
}

export async function startRig(options: SandboxServerOptions = {}): Promise<SyncRig> {
  const temp = await openTempStore('modboard-engine-');
  const server = await startSandboxServer({ trickle: NO_TRICKLE, volume: 200, ...options });
  const connectionId = await addConnection(temp.store, 'SANDBOX');
  const hub = new EventHub();
  const engines: SyncEngine[] = [];
  const connectorFor = async (id: string) => (id === connectionId ? createSandboxConnector({ baseUrl: server.url, token: server.apiToken() }) : null);
  return {
    temp,
    server,
    hub,
    connectionId,
    connectorFor,
    engine(over = {}) {
      const engine = createSyncEngine({
        store: temp.store,
        hub,
        log: silentLogger,
        connectorFor,
        intervalMs: () => 3_600_000,
        device: 'test-device',
        ...over,
      });
      engines.push(engine);
      return engine;
    },
    async close() {
      await Promise.all(engines.map((engine) => engine.stop()));
      await server.close();
      await temp.cleanup();
    },
  };
}

export const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` holds (or throws after `timeoutMs`). */
export async function until(check: () => Promise<boolean> | boolean, timeoutMs = 20_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await delay(10);
  }
}

/** Until no pull or push is running. */
export const untilIdle = (engine: SyncEngine, timeoutMs?: number) => until(async () => !(await engine.overview()).running, timeoutMs, 'the engine to go idle');

export async function countOf(rig: SyncRig, table: 'join_requests' | 'communities' | 'flags' | 'reports'): Promise<number> {
  const row = await rig.temp.store.reader.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${trusted(table)}`);
  return row?.n ?? 0;
}

/** The outbox rows by state, for assertions. */
export async function outboxStates(rig: SyncRig): Promise<Record<string, number>> {
  const rows = await rig.temp.store.reader.all<{ state: string; n: number }>(sql`SELECT state, count(*) AS n FROM outbox GROUP BY state`);
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}
