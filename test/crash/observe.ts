import { sql } from '@services/store/sql';
import { rows } from './db';
import type { SandboxProcess } from './processes';
import type { KillMode } from './workload';

/** Where a kill actually landed, read from the dead app's database and the Sandbox's logs. */
export interface KillObservation {
  readonly mode: KillMode;
  /** Pushes marked in flight: the app died with them on the wire (mid-push). */
  readonly inFlight: number;
  /** Pushes the Sandbox applied whose outcome the app never recorded (in flight, or queued for a retry after a lost answer): mid-acknowledgement. */
  readonly appliedUnanswered: number;
  /** Announcement pushes (send, edit, delete) in flight or applied unanswered: mid-announce. */
  readonly announcing: number;
  /** The pull had not caught up with the Sandbox (mid-pull). */
  readonly pullBehind: boolean;
  /** Decisions whose answer the kill cut off: before, inside or just after their transaction. */
  readonly decisionsCut: number;
  /** ...of which committed anyway (the kill came after COMMIT, before the answer). */
  readonly committedUnanswered: number;
}

export async function observeKill(
  mode: KillMode,
  file: string,
  sandbox: SandboxProcess,
  ledger: { readonly decisions: readonly { actionId: string }[] },
  decisionsCut: number,
): Promise<KillObservation> {
  const ackedActions = new Set(ledger.decisions.map((d) => d.actionId));
  const unsettled = await rows<{ idempotency_key: string; state: string; kind: string }>(
    file,
    sql`SELECT idempotency_key, state, kind FROM outbox WHERE state IN ('in-flight', 'queued')`,
  );
  const { actions } = await sandbox.get<{ actions: { idempotencyKey: string; effect: string }[] }>('/_sandbox/actions');
  const applied = new Set(actions.filter((a) => a.effect === 'applied' || a.effect === 'already-handled').map((a) => a.idempotencyKey));
  const state = await sandbox.get<{ world: { joinRequests: { total: number } } }>('/_sandbox/state');
  const [local] = await rows<{ n: number }>(file, sql`SELECT count(*) AS n FROM join_requests`);
  // Rules decide on their own: only the workload's decisions can be cut off unanswered.
  const stored = await rows<{ id: string }>(file, sql`SELECT id FROM moderation_actions WHERE actor NOT LIKE 'rule:%'`);
  const unanswered = (row: { idempotency_key: string; state: string }) => row.state === 'in-flight' || applied.has(row.idempotency_key);
  return {
    mode,
    inFlight: unsettled.filter((row) => row.state === 'in-flight').length,
    appliedUnanswered: unsettled.filter((row) => applied.has(row.idempotency_key)).length,
    announcing: unsettled.filter((row) => row.kind.startsWith('announce.') && unanswered(row)).length,
    pullBehind: (local?.n ?? 0) < state.world.joinRequests.total,
    decisionsCut,
    committedUnanswered: stored.filter((a) => !ackedActions.has(a.id)).length,
  };
}

/** Whether the kill landed in the window its mode aims at. */
export function hitWindow(o: KillObservation): boolean {
  switch (o.mode) {
    case 'mid-transaction':
      return o.decisionsCut > 0;
    case 'mid-pull':
      return o.pullBehind;
    case 'mid-push':
      return o.inFlight > 0;
    case 'mid-ack':
      return o.appliedUnanswered > 0;
    case 'mid-announce':
      return o.announcing > 0;
    case 'chaos':
      return o.inFlight > 0 || o.pullBehind;
  }
}
