import type { Tx } from '../../store/database';
import { sql } from '../../store/sql';
import { TARGET_ROWS } from '../flag-targets';
import { noteOf } from '../warnings';
import { insertPushes, type PushContext } from './push-context';

/**
 * A warning of its own to the author of each decided flag, with the text rendered for
 * that message (`flag_notes`, see warnings.ts), tied to the message. One push per flag,
 * with its own idempotency key. It shares the removal's target key (community and
 * person), so the platform gets the removal first, then the warning. A message whose
 * author is unknown to us has nobody to warn: its removal goes alone.
 */
export async function pushWarnings(tx: Tx, context: PushContext): Promise<number> {
  return insertPushes(
    tx,
    context,
    sql`SELECT ${context.actionId} || '.w' || x.flag_seq AS id, x.connection_id, x.community_external || '/' || x.member_external AS target_key,
        x.flag_id AS subject_id, json_object('type', 'warn', 'communityExternalId', x.community_external, 'personExternalId', x.member_external,
          'messageExternalId', x.message_external, 'text', ${noteOf('x.flag_id')}) AS payload
      FROM (${TARGET_ROWS}) x WHERE x.decided AND x.member_external IS NOT NULL AND ${noteOf('x.flag_id')} IS NOT NULL`,
  );
}
