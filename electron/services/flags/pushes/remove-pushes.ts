import type { Tx } from '../../store/database';
import { sql } from '../../store/sql';
import { TARGET_ROWS } from '../flag-targets';
import { noteOf } from '../warnings';
import { insertPushes, type PushContext } from './push-context';

/**
 * Removes each decided flag's message: one push per message still up. With a warning,
 * the removal's reason is the rule's name (what the platform's audit log shows) and the
 * warning itself, rendered per message, goes as a push of its own (warn-pushes.ts); the
 * removal's standing row keeps its text. The message is marked removed here at once,
 * and each removal counts in the author's standing.
 */
export async function pushRemovals(tx: Tx, context: PushContext, warning: { readonly rule: string } | null): Promise<void> {
  const rows = sql`SELECT ${context.actionId} || '.m' || x.flag_seq AS outbox_id, x.*,
      ${warning ? noteOf('x.flag_id') : sql`NULL`} AS warning
    FROM (${TARGET_ROWS}) x WHERE x.decided AND x.removed_at IS NULL`;
  await insertPushes(
    tx,
    context,
    sql`SELECT r.outbox_id AS id, r.connection_id, r.community_external || '/' || coalesce(r.member_external, '') AS target_key,
        r.flag_id AS subject_id, json_object('type', 'removeMessage', 'communityExternalId', r.community_external,
          'messageExternalId', r.message_external, 'reason', ${warning?.rule ?? null}) AS payload
      FROM (${rows}) r`,
  );
  await tx.run(sql`INSERT INTO member_sanctions (id, action_id, outbox_id, member_id, community_id, kind, note, flag_id, message_id, created_at)
    SELECT r.outbox_id, ${context.actionId}, r.outbox_id, r.member_id, r.community_id, 'removal', r.warning, r.flag_id, r.message_id, ${context.now}
    FROM (${rows}) r WHERE r.member_id IS NOT NULL`);
  await tx.run(sql`UPDATE messages SET removed_at = ${context.now}
    WHERE id IN (SELECT x.message_id FROM (${TARGET_ROWS}) x WHERE x.decided) AND removed_at IS NULL`);
  tx.touch('messages');
}
