import type { FlagTarget } from '@shared/contract/flagged';
import { assertNever } from '@shared/assert-never';
import { flagConditions, flagSearch } from '../queries/flag-filters';
import type { Tx } from '../store/database';
import { toFtsQuery } from '../store/fts';
import { sql, whereAll, type SqlQuery } from '../store/sql';

/** Only open flags change status; a decided one was decided already (or elsewhere). */
export const OPEN = sql`f.status = 'open'`;

/** The conditions over `flags f` that select an action's target flags. */
export function flagTargetConditions(target: FlagTarget, now: number): SqlQuery[] {
  switch (target.kind) {
    case 'ids':
      return [sql`f.id IN (SELECT value FROM json_each(${JSON.stringify(target.ids)}))`];
    case 'author':
      return [
        sql`f.message_id IN (SELECT m.id FROM messages m WHERE m.author_member_id =
          (SELECT a.author_member_id FROM flags g JOIN messages a ON a.id = g.message_id WHERE g.id = ${target.flagId}))`,
      ];
    case 'query': {
      const where = flagConditions(target.filters, now);
      const text = target.search?.trim();
      if (text) {
        const fts = toFtsQuery(text);
        // A search of only punctuation matches nothing, here as in the queue.
        where.push(fts ? flagSearch(fts) : sql`0`);
      }
      if (target.except.length > 0) where.push(sql`f.id NOT IN (SELECT value FROM json_each(${JSON.stringify(target.except)}))`);
      return where;
    }
    default:
      return assertNever(target, 'flag target');
  }
}

/**
 * Fills the connection's temp table `flag_targets` with the target's flags, set-based,
 * and returns how many there are: open ones only for actions on the message, any for
 * actions on its author (a ban from an already removed message still reaches its author).
 * `decided` marks the open ones, whose status the action changes. Lives only inside the
 * caller's write transaction.
 */
export async function collectFlagTargets(tx: Tx, target: FlagTarget, openOnly: boolean, now: number): Promise<{ total: number; open: number }> {
  await tx.run(sql`CREATE TEMP TABLE IF NOT EXISTS flag_targets (seq INTEGER PRIMARY KEY, decided INTEGER NOT NULL)`);
  await tx.run(sql`DELETE FROM flag_targets`);
  const where = whereAll([...flagTargetConditions(target, now), ...(openOnly ? [OPEN] : [])]);
  const { changes } = await tx.run(sql`INSERT INTO flag_targets (seq, decided) SELECT f.seq, f.status = 'open' FROM flags f${where}`);
  const open = await tx.get<{ n: number }>(sql`SELECT count(*) AS n FROM flag_targets WHERE decided`);
  return { total: changes, open: open?.n ?? 0 };
}

/** The target flags with what the pushes need: message, community and author, as `t` (all) or `d` (decided) rows. */
export const TARGET_ROWS = sql`SELECT f.seq AS flag_seq, f.id AS flag_id, f.community_id, t.decided, m.id AS message_id,
    m.external_id AS message_external, m.connection_id, m.removed_at, c.external_id AS community_external, c.name AS community_name,
    c.seq AS community_seq, a.id AS member_id, a.seq AS member_seq, a.external_id AS member_external, a.display_name AS author_name
  FROM flag_targets t JOIN flags f ON f.seq = t.seq JOIN messages m ON m.id = f.message_id
  JOIN communities c ON c.id = f.community_id LEFT JOIN members a ON a.id = m.author_member_id`;
