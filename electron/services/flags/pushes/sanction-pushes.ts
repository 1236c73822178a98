import { assertNever } from '@shared/assert-never';
import type { Tx } from '../../store/database';
import { sql, type SqlQuery } from '../../store/sql';
import { insertPushes, type PushContext } from './push-context';
import { PAIR_ROWS } from './sanction-pairs';

/** A sanction on the author; `until: null` lasts until lifted. */
export type Sanction =
  | { readonly kind: 'mute'; readonly until: number | null }
  | { readonly kind: 'kick' }
  | { readonly kind: 'ban'; readonly until: number | null; readonly deleteHistorySeconds: number };

function payloadOf(sanction: Sanction): SqlQuery {
  switch (sanction.kind) {
    case 'mute':
      return sql`json_object('type', 'mute', 'communityExternalId', x.community_external, 'personExternalId', x.member_external,
        'until', ${sanction.until}, 'reason', NULL)`;
    case 'kick':
      return sql`json_object('type', 'kick', 'communityExternalId', x.community_external, 'personExternalId', x.member_external, 'reason', NULL)`;
    case 'ban':
      return sql`json_object('type', 'ban', 'communityExternalId', x.community_external, 'personExternalId', x.member_external,
        'until', ${sanction.until}, 'deleteHistorySeconds', ${sanction.deleteHistorySeconds}, 'reason', NULL)`;
    default:
      return assertNever(sanction, 'sanction');
  }
}

/**
 * One push per (identity, community) in `sanction_pairs` (see sanction-pairs.ts), each
 * also a row of the author's standing. Pushes for one person in one community share a
 * target key with that community's removals, so "remove, then ban" arrives in that order.
 */
export async function pushSanctions(tx: Tx, context: PushContext, sanction: Sanction): Promise<number> {
  const id = sql`${context.actionId} || '.s' || x.community_seq || '-' || x.member_seq`;
  const pushed = await insertPushes(
    tx,
    context,
    sql`SELECT ${id} AS id, x.connection_id, x.community_external || '/' || x.member_external AS target_key, x.flag_id AS subject_id,
        ${payloadOf(sanction)} AS payload
      FROM (${PAIR_ROWS}) x`,
  );
  const until = sanction.kind === 'kick' ? null : sanction.until;
  await tx.run(sql`INSERT INTO member_sanctions (id, action_id, outbox_id, member_id, community_id, kind, until, flag_id, created_at)
    SELECT ${id}, ${context.actionId}, ${id}, x.member_id, x.community_id, ${sanction.kind}, ${until}, x.flag_id, ${context.now}
    FROM (${PAIR_ROWS}) x`);
  return pushed;
}
