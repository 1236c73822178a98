import type { TargetSpec } from '@shared/domain/announcements';
import { EMPTY_TARGETS } from '@shared/domain/announcements';
import type { Store } from '../store/database';
import { sql } from '../store/sql';
import type { SyncEngine, SyncEngineDeps } from '../sync/engine';
import { startRig, until, untilIdle, type SyncRig } from '../sync/testing';
import type { AnnouncementDeps } from './deps';
import { createDraft, saveDraft } from './drafts';

/**
 * Test support for the announcement desk (imported by *.test.ts only): the sync rig
 * (real store, Sandbox on loopback) with its communities pulled, and desk deps whose
 * store follows a reopen, as after a restart.
 */
export interface DeskRig {
  readonly rig: SyncRig;
  readonly deps: AnnouncementDeps;
  /** The engine sending now; `restart` replaces it. */
  engine: SyncEngine;
  /** Stops the engine (a push on the wire is aborted at once and left in flight), reopens the store, starts a fresh engine. */
  restart(over?: Partial<SyncEngineDeps>): Promise<void>;
  close(): Promise<void>;
}

const ENGINE: Partial<SyncEngineDeps> = {
  random: () => 0.01,
  tuning: { backoff: { baseMs: 20, capMs: 200 }, tighten: { factor: 0.5, floor: 0.5, holdMs: 2_000 }, stopGraceMs: 0 },
};

export async function startDesk(options: Parameters<typeof startRig>[0] = {}, engineOver: Partial<SyncEngineDeps> = {}): Promise<DeskRig> {
  const rig = await startRig({ volume: 10, reports: 0, ...options });
  let engine = rig.engine({ ...ENGINE, ...engineOver });
  await engine.runNow();
  await untilIdle(engine);
  const desk: DeskRig = {
    rig,
    deps: {
      get store() {
        return rig.temp.store;
      },
      connectorFor: rig.connectorFor,
      by: () => ({ actor: 'alice', device: 'test-device' }),
      confirmOver: () => 20,
      wakeDrainer: () => desk.engine.drainNow(),
      now: Date.now,
    },
    get engine() {
      return engine;
    },
    set engine(next) {
      engine = next;
    },
    async restart(over = {}) {
      await engine.stop();
      const store = await rig.temp.reopen();
      engine = rig.engine({ ...ENGINE, ...engineOver, ...over, store });
      engine.start();
    },
    close: () => rig.close(),
  };
  return desk;
}

/** The community id of the Sandbox community with this external id. */
export async function communityId(store: Store, externalId: string): Promise<string> {
  const row = await store.reader.get<{ id: string }>(sql`SELECT id FROM communities WHERE external_id = ${externalId}`);
  if (!row) throw new Error(`No community ${externalId}`);
  return row.id;
}

export async function draftWith(deps: AnnouncementDeps, body: string, targets: Partial<TargetSpec>, variants: Record<string, string> = {}) {
  const draft = await createDraft(deps, 'Test');
  return saveDraft(deps, { id: draft.id, title: 'Test', body, variants, targets: { ...EMPTY_TARGETS, ...targets } });
}

export async function deliveryStates(store: Store, announcementId: string): Promise<Record<string, number>> {
  const rows = await store.reader.all<{ state: string; n: number }>(
    sql`SELECT state, count(*) AS n FROM announcement_deliveries WHERE announcement_id = ${announcementId} GROUP BY state`,
  );
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}

export const untilSettled = (desk: DeskRig, announcementId: string, timeoutMs = 30_000) =>
  until(async () => {
    const row = await desk.deps.store.reader.get<{ n: number }>(sql`SELECT count(*) AS n FROM announcement_deliveries d JOIN outbox o ON o.id = d.outbox_id
      WHERE d.announcement_id = ${announcementId} AND o.state IN ('queued', 'in-flight')`);
    return row?.n === 0;
  }, timeoutMs, 'the announcement to settle');
