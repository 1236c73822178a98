import type { FlagAction } from '@shared/contract/flagged';
import { assertNever } from '@shared/assert-never';
import { requirements } from '@shared/flags/actions';
import { AppFailure } from '@shared/result';
import type { Tx } from '../store/database';
import { sql } from '../store/sql';
import { refuseUnable } from './capability-check';
import { TARGET_ROWS } from './flag-targets';
import { capableJson, type PushContext } from './pushes/push-context';
import { pushPurge } from './pushes/purge-pushes';
import { pushRemovals } from './pushes/remove-pushes';
import { resolveReports } from './pushes/resolve-pushes';
import { collectSanctionPairs, PAIR_ROWS } from './pushes/sanction-pairs';
import { pushSanctions, type Sanction } from './pushes/sanction-pushes';
import { pushWarnings } from './pushes/warn-pushes';

/**
 * Queues what the platforms are asked to do for one action on the flags in
 * `flag_targets`, and resolves the decided flags' reports. `warning`: for remove-and-warn,
 * the rule it names (the removal's reason); its text per flag is in `flag_notes`. Returns what a sanction
 * reached (communities) or a purge removed (messages); 0 for actions on messages.
 */
export async function runPushes(tx: Tx, context: PushContext, action: FlagAction, warning: { readonly rule: string } | null): Promise<number> {
  switch (action.kind) {
    case 'dismiss':
      await resolveReports(tx, context, 'dismissed');
      return 0;
    case 'remove':
      await pushRemovals(tx, context, null);
      await resolveReports(tx, context, 'actioned');
      return 0;
    case 'remove-warn':
      if (!warning) throw new AppFailure('invalid-input', 'Remove and warn needs the warning’s text.');
      await pushRemovals(tx, context, warning);
      await pushWarnings(tx, context);
      await resolveReports(tx, context, 'actioned');
      return 0;
    case 'mute':
      return sanction(tx, context, action.kind, { kind: 'mute', until: action.minutes === null ? null : context.now + action.minutes * 60_000 }, action.minutes !== null);
    case 'kick':
      return sanction(tx, context, action.kind, { kind: 'kick' }, true);
    case 'ban': {
      const until = action.minutes === undefined ? null : context.now + action.minutes * 60_000;
      return sanction(tx, context, action.kind, { kind: 'ban', until, deleteHistorySeconds: action.deleteHistorySeconds ?? 0 }, until !== null, action.scope);
    }
    case 'purge': {
      await refuseUnable(tx, context, 'purge', sql`SELECT DISTINCT x.connection_id FROM (${TARGET_ROWS}) x`);
      const removed = await pushPurge(tx, context, action.withinHours);
      await resolveReports(tx, context, 'actioned');
      return removed;
    }
    default:
      return assertNever(action, 'flag action');
  }
}

/**
 * A sanction on the target flags' authors, per (identity, community) of the scope. A
 * community whose platform cannot do it refuses the whole action, except under
 * "every community they are in", where such communities are outside the scope (the
 * picker shows them as such).
 */
async function sanction(
  tx: Tx,
  context: PushContext,
  kind: 'mute' | 'kick' | 'ban',
  what: Sanction,
  timed: boolean,
  scope: Extract<FlagAction, { kind: 'ban' }>['scope'] = { kind: 'flag-community' },
): Promise<number> {
  await collectSanctionPairs(tx, scope);
  if (scope.kind === 'member-communities') {
    const capable = capableJson(context, requirements(kind, timed).flatMap((requirement) => requirement.anyOf));
    await tx.run(sql`DELETE FROM sanction_pairs WHERE community_seq IN (SELECT c.seq FROM communities c
      WHERE c.seq IN (SELECT community_seq FROM sanction_pairs) AND c.connection_id NOT IN (SELECT value FROM json_each(${capable})))`);
  }
  await refuseUnable(tx, context, kind, sql`SELECT DISTINCT x.connection_id FROM (${PAIR_ROWS}) x`, timed);
  const pairs = await tx.get<{ n: number }>(sql`SELECT count(*) AS n FROM sanction_pairs`);
  if (!pairs?.n) throw new AppFailure('conflict', 'No community to do that in: the author’s account is unknown there, or its platform cannot.');
  const reached = await pushSanctions(tx, context, what);
  await resolveReports(tx, context, 'actioned');
  return reached;
}
