import { newId } from '@shared/ids';
import type { Tx } from '../../store/database';
import { sortName } from '../../store/repositories/community-tree';
import { sql } from '../../store/sql';
import { refreshFlagTotals } from '../flag-totals';

/**
 * A report raised by an alert rule has an external id of its own making,
 * `rule:<rule id>:<version>:<message external id>`: a message is flagged once per rule
 * version however often it is pulled again, and such reports never go to a platform.
 */
export const RULE_REPORT_PREFIX = 'rule:';

export interface RuleHit {
  readonly messageId: string;
  readonly messageExternalId: string;
  readonly authorName: string;
  readonly ruleId: string;
  readonly ruleVersion: number;
  readonly reason: string;
}

/**
 * Flags the messages the rules hit (a new flag is marked `rule`; a message people
 * reported keeps its flag) and adds one report per (rule version, message). Returns how
 * many reports are new.
 */
export async function insertRuleReports(tx: Tx, connectionId: string, hits: readonly RuleHit[], now: number): Promise<number> {
  if (hits.length === 0) return 0;
  const rows = JSON.stringify(
    hits.map((hit) => ({
      flag: newId(now),
      report: newId(now),
      msg: hit.messageId,
      author: sortName(hit.authorName),
      ext: `${RULE_REPORT_PREFIX}${hit.ruleId}:${hit.ruleVersion}:${hit.messageExternalId}`,
      rule: hit.ruleId,
      reason: hit.reason,
    })),
  );
  await tx.run(sql`INSERT INTO flags (id, message_id, community_id, author_sort, community_sort, source, first_reported_at, last_reported_at, updated_at)
    SELECT e.value ->> 'flag', m.id, m.community_id, e.value ->> 'author', c.tree_key, 'rule', ${now}, ${now}, ${now}
    FROM json_each(${rows}) e CROSS JOIN messages m ON m.id = e.value ->> 'msg' CROSS JOIN communities c ON c.id = m.community_id
    WHERE true
    ON CONFLICT (message_id) DO NOTHING`);
  const { changes } = await tx.run(sql`INSERT INTO reports (id, connection_id, external_id, flag_id, message_id, rule_id, reason, reported_at, status, created_at)
    SELECT e.value ->> 'report', ${connectionId}, e.value ->> 'ext', f.id, e.value ->> 'msg', e.value ->> 'rule', e.value ->> 'reason', ${now}, 'open', ${now}
    FROM json_each(${rows}) e CROSS JOIN flags f ON f.message_id = e.value ->> 'msg'
    WHERE true
    ON CONFLICT (connection_id, external_id) DO NOTHING`);
  await refreshFlagTotals(tx, sql`SELECT f.id FROM json_each(${rows}) e CROSS JOIN flags f ON f.message_id = e.value ->> 'msg'`, now);
  tx.touch('flags');
  return changes;
}
