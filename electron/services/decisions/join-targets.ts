import type { JoinTarget } from '@shared/contract/join-requests';
import { assertNever } from '@shared/assert-never';
import { joinRequestConditions, joinRequestSearch } from '../queries/join-request-filters';
import type { Tx } from '../store/database';
import { toFtsQuery } from '../store/fts';
import { sql, whereAll, type SqlQuery } from '../store/sql';

/** Only these rows can still be decided; anything else was decided already. */
// The unary + keeps SQLite from driving the lookup by the status index (every pending row):
// a decision on a few ids must start from those ids.
export const DECIDABLE = sql`+j.status IN ('pending', 'snoozed')`;

/** The conditions over `join_requests j` that select a decision's target rows. */
export function targetConditions(target: JoinTarget, now: number): SqlQuery[] {
  switch (target.kind) {
    case 'ids':
      return [sql`j.id IN (SELECT value FROM json_each(${JSON.stringify(target.ids)}))`];
    case 'cluster':
      return [sql`j.cluster_key = ${target.clusterKey}`];
    case 'query': {
      const where = joinRequestConditions(target.filters, now);
      const text = target.search?.trim();
      if (text) {
        const fts = toFtsQuery(text);
        // A search of only punctuation matches nothing, here as in the queue.
        where.push(fts ? joinRequestSearch(fts) : sql`0`);
      }
      if (target.except.length > 0) where.push(sql`j.id NOT IN (SELECT value FROM json_each(${JSON.stringify(target.except)}))`);
      return where;
    }
    default:
      return assertNever(target, 'join target');
  }
}

/**
 * Fills the connection's temp table `decision_targets` with the decidable rows of
 * `target`, set-based, and returns how many there are. Lives only inside the
 * caller's write transaction.
 */
export async function collectTargets(tx: Tx, target: JoinTarget, now: number): Promise<number> {
  await tx.run(sql`CREATE TEMP TABLE IF NOT EXISTS decision_targets (seq INTEGER PRIMARY KEY)`);
  await tx.run(sql`DELETE FROM decision_targets`);
  const where = whereAll([...targetConditions(target, now), DECIDABLE]);
  const result = await tx.run(sql`INSERT INTO decision_targets (seq) SELECT j.seq FROM join_requests j${where}`);
  return result.changes;
}
