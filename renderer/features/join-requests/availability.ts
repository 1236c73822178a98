import { JOIN_DECISIONS, type JoinDecisionKind } from '@shared/domain/decisions';
import type { ConnectionCapabilities } from '@shared/domain/flagged';
import type { JoinRequestRow } from '@shared/domain/join-request';
import { canTakeDecision, decisionReach, JOIN_DECISION_VERBS, leftPendingNote, type ConnectionRows } from '@shared/join-requests/decision-gate';
import { blockedLines } from '../../ui/queue/blockedLines';

export interface DecisionAvailability {
  /** Why the decision is disabled: no row of the target can take it. Null when offered. */
  readonly block: string | null;
  /** Offered, but some rows cannot take it: how many stay pending, and why. */
  readonly note: string | null;
}

export type DecisionBlocks = Readonly<Record<JoinDecisionKind, DecisionAvailability>>;

/** What the renderer knows of a decision's target: its ids and the loaded rows among them. */
export interface KnownTarget {
  readonly ids: readonly string[];
  readonly rows: readonly Pick<JoinRequestRow, 'connectionId'>[];
  /** Not null: every row of a query, most of them not loaded. */
  readonly except: readonly string[] | null;
}

const NOTHING = 'No request is focused or selected.';
const each = (make: (decision: JoinDecisionKind) => DecisionAvailability): DecisionBlocks =>
  Object.fromEntries(JOIN_DECISIONS.map((decision) => [decision, make(decision)])) as Record<JoinDecisionKind, DecisionAvailability>;
const OFFERED: DecisionAvailability = { block: null, note: null };

/**
 * Which decisions the target's rows can take, by the same gate main applies
 * (shared/join-requests/decision-gate.ts), so a disabled button and a refused call say
 * the same. Only a target whose every row is loaded is judged here; for "all matching"
 * (or a selection scrolled out of reach), and while capabilities load, everything stays
 * offered: the bulk confirmation and main check the whole target.
 */
export function decisionBlocks(target: KnownTarget | null, capabilities: readonly ConnectionCapabilities[] | undefined): DecisionBlocks {
  if (target === null) return each(() => ({ block: NOTHING, note: null }));
  const known = target.except === null && target.rows.length > 0 && target.rows.length === target.ids.length;
  if (!capabilities || !known) return each(() => OFFERED);
  const counts = new Map<string, number>();
  for (const row of target.rows) counts.set(row.connectionId, (counts.get(row.connectionId) ?? 0) + 1);
  // A connection main no longer lists was removed while its rows are shown: main says so when asked.
  const groups: ConnectionRows[] = capabilities.filter((c) => counts.has(c.connectionId)).map((connection) => ({ connection, rows: counts.get(connection.connectionId) ?? 0 }));
  return each((decision) => {
    const reach = decisionReach(decision, groups);
    if (reach.reason === null) return OFFERED;
    if (reach.able === 0) return { block: reach.reason, note: null };
    return { block: null, note: leftPendingNote({ count: reach.unable, reason: reach.reason }, reach.able) };
  });
}

/** The lines under the decision bar: "Decline and ban: “Forum” cannot ban members (discourse)." */
export function decisionLines(blocks: DecisionBlocks): string[] {
  return blockedLines(JOIN_DECISIONS.map((decision) => [JOIN_DECISION_VERBS[decision], blocks[decision].block ?? blocks[decision].note]));
}

/**
 * The target's ids minus the loaded rows whose platform cannot take the decision: main
 * leaves those pending, so the optimistic update must not hide them meanwhile.
 */
export function idsTaking(
  decision: JoinDecisionKind,
  ids: readonly string[],
  rows: readonly Pick<JoinRequestRow, 'id' | 'connectionId'>[],
  capabilities: readonly ConnectionCapabilities[] | undefined,
): readonly string[] {
  if (!capabilities) return ids;
  const unable = new Set(capabilities.filter((c) => !canTakeDecision(c, decision)).map((c) => c.connectionId));
  const staying = new Set(rows.filter((row) => unable.has(row.connectionId)).map((row) => row.id));
  return staying.size === 0 ? ids : ids.filter((id) => !staying.has(id));
}
