import { createSandboxConnector } from '@services/connectors/sandbox/connector';
import { decideJoinRequests } from '@services/decisions/join-decisions';
import type { JoinDecisionKind } from '@shared/domain/decisions';
import type { SandboxServerOptions } from '@services/sandbox/server';
import { sql } from '@services/store/sql';
import type { SyncEngine, SyncEngineDeps } from '@services/sync/engine';
import { outboxStates, startRig, until, untilIdle, type SyncRig } from '@services/sync/testing';

/**
 * A pulled Sandbox rig whose connector gives up after `timeoutMs`, and real decisions
 * (rows, outbox and audit in one transaction, as the contract makes them).
 */
export async function pulledRig(
  options: SandboxServerOptions & { timeoutMs?: number; engine?: Partial<SyncEngineDeps>; pull?: boolean } = {},
): Promise<{ rig: SyncRig; engine: SyncEngine }> {
  const { timeoutMs = 400, engine: over = {}, pull = true, ...server } = options;
  const rig = await startRig({ volume: 120, reports: 0, ...server });
  const connectorFor = async (id: string) =>
    id === rig.connectionId ? createSandboxConnector({ baseUrl: rig.server.url, token: rig.server.apiToken() }, { timeoutMs }) : null;
  const engine = rig.engine({ connectorFor, tuning: { backoff: { baseMs: 50, capMs: 400 } }, ...over });
  if (pull) {
    await engine.runNow();
    await untilIdle(engine);
  }
  return { rig, engine };
}

export async function pendingIds(rig: SyncRig, n: number): Promise<string[]> {
  const rows = await rig.temp.store.reader.all<{ id: string }>(sql`SELECT id FROM join_requests WHERE status = 'pending' ORDER BY seq LIMIT ${n}`);
  return rows.map((r) => r.id);
}

export const decide = (rig: SyncRig, ids: readonly string[], decision: JoinDecisionKind = 'approve') =>
  decideJoinRequests(rig.temp.store, { target: { kind: 'ids', ids: [...ids] }, decision, reason: null, snoozeUntil: null, actor: 'me', device: 'desk', graceMs: 0, now: Date.now() });

export const untilSettled = (rig: SyncRig, timeoutMs = 20_000) =>
  until(async () => {
    const states = await outboxStates(rig);
    return !states.queued && !states['in-flight'];
  }, timeoutMs, 'the outbox to settle');

/** What the Sandbox did with each decision path: effects other than replays. */
export function effectsByRequest(rig: SyncRig): Map<string, string[]> {
  const effects = new Map<string, string[]>();
  for (const action of rig.server.actions()) {
    if (!action.path.endsWith('/decision') || action.effect === 'duplicate') continue;
    effects.set(action.path, [...(effects.get(action.path) ?? []), action.effect]);
  }
  return effects;
}
