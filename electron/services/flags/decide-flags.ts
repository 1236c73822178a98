import type { FlagAction, FlagTarget } from '@shared/contract/flagged';
import { MESSAGE_ACTIONS, type ConnectionCapabilities, type FlagDecisionResult } from '@shared/domain/flagged';
import { newId } from '@shared/ids';
import { AppFailure } from '@shared/result';
import type { Store, Tx } from '../store/database';
import { sql } from '../store/sql';
import { refuseUnable } from './capability-check';
import { recordDecision } from './decision-records';
import { actionSummary } from './decision-words';
import { captureEvidence } from './evidence/capture';
import { holdForEvidence } from './evidence-hold';
import { collectFlagTargets, TARGET_ROWS } from './flag-targets';
import { runPushes } from './run-pushes';
import { fillFlagNotes, noteOf, type WarningTemplate } from './warnings';
import type { PushContext } from './pushes/push-context';

export interface FlagDecisionInput {
  readonly target: FlagTarget;
  readonly action: FlagAction;
  /** For `remove-warn`: the template and what fills `{{rule}}` (read from the library beforehand). */
  readonly warning: WarningTemplate | null;
  /** Every connection's connector capabilities, read before the transaction (a connector may need the writer). */
  readonly connections: readonly ConnectionCapabilities[];
  readonly actor: string;
  readonly device: string;
  readonly graceMs: number;
  readonly now: number;
}

/** The result, and whether its pushes wait for files to be kept (`releaseEvidenceHold` lets them go). */
export interface FlagDecision extends FlagDecisionResult {
  readonly heldForEvidence: boolean;
}

/**
 * One action on flagged messages, in ONE transaction: the evidence is snapshotted first
 * (what the moderator saw), then the pushes are queued (set-based, one statement per
 * kind however many flags), the reports resolved, the flags decided, the audit written.
 * Pushes wait out the grace period so `u` can take the action back before anything
 * leaves. Refused, with the reason, when a platform it reaches cannot do it.
 */
export async function decideFlags(store: Store, input: FlagDecisionInput): Promise<FlagDecision> {
  const actionId = newId(input.now);
  const context: PushContext = {
    actionId,
    graceUntil: input.now + input.graceMs,
    actor: input.actor,
    now: input.now,
    connections: input.connections,
  };
  const { action } = input;
  return store.writer.transaction(async (tx) => {
    const targets = await collectFlagTargets(tx, input.target, MESSAGE_ACTIONS.includes(action.kind), input.now);
    if (targets.total === 0) throw new AppFailure('conflict', 'Nothing to act on: those flags were decided already or are gone.');
    if (MESSAGE_ACTIONS.includes(action.kind))
      await refuseUnable(tx, context, action.kind, sql`SELECT DISTINCT x.connection_id FROM (${TARGET_ROWS}) x WHERE x.decided`);
    const note = action.kind === 'dismiss' || action.kind === 'remove' ? (action.note ?? null) : null;
    await fillFlagNotes(tx, action.kind === 'remove-warn' ? input.warning : null, note);

    await captureEvidence(tx, {
      actionId,
      actor: input.actor,
      device: input.device,
      now: input.now,
      decision: sql`json_object('actionId', ${actionId}, 'action', ${action.kind}, 'actor', ${input.actor}, 'device', ${input.device},
        'at', ${input.now}, 'note', ${noteOf('f.id')},
        'details', json(${JSON.stringify(action)}))`,
    });
    const reached = await runPushes(tx, context, action, action.kind === 'remove-warn' ? input.warning : null);
    const heldForEvidence = await holdForEvidence(tx, action, actionId, context.graceUntil, input.now);
    const reach = { ...(await authorsOf(tx)), decided: targets.open, reached };
    if (reach.decided === 0 && reached === 0) throw new AppFailure('conflict', 'Nothing to do: no open flag and nothing the platforms could be asked.');
    const summary = actionSummary(action, reach, input.warning?.rule ?? null);
    await recordDecision(tx, context, {
      kind: action.kind,
      status: action.kind === 'dismiss' ? 'dismissed' : 'actioned',
      note,
      device: input.device,
      summary,
      count: targets.open,
    });
    const pushes = await tx.get<{ n: number }>(sql`SELECT count(*) AS n FROM outbox o WHERE o.id > ${actionId + '.'} AND o.id < ${actionId + '/'}`);
    return {
      actionId,
      count: targets.open,
      graceUntil: context.graceUntil,
      pushes: pushes?.n ?? 0,
      communities: action.kind === 'purge' ? 0 : reached,
      heldForEvidence,
    };
  });
}

async function authorsOf(tx: Tx): Promise<{ authors: number; authorName: string | null }> {
  const row = await tx.get<{ n: number; name: string | null }>(
    sql`SELECT count(DISTINCT x.member_id) AS n, min(x.author_name) AS name FROM (${TARGET_ROWS}) x`,
  );
  return { authors: row?.n ?? 0, authorName: row?.name ?? null };
}
