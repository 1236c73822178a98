import type { FlagAction, FlagTarget } from '@shared/contract/flagged';
import type { DecisionPreview } from '@shared/domain/decisions';
import { MESSAGE_ACTIONS } from '@shared/domain/flagged';
import { flagTargetConditions, OPEN } from '../flags/flag-targets';
import type { Reader } from '../store/database';
import { sql, whereAll } from '../store/sql';

/** How many flags an action on `target` reaches in each community, for the bulk confirmation: the same conditions the action uses. */
export async function previewFlagAction(reader: Reader, target: FlagTarget, action: FlagAction, now: number): Promise<DecisionPreview> {
  const where = whereAll([...flagTargetConditions(target, now), ...(MESSAGE_ACTIONS.includes(action.kind) ? [OPEN] : [])]);
  const rows = await reader.all<{ community_id: string; community_name: string; parent_name: string | null; count: number }>(
    sql`SELECT f.community_id, c.name AS community_name, p.name AS parent_name, count(*) AS count
      FROM flags f JOIN communities c ON c.id = f.community_id LEFT JOIN communities p ON p.id = c.parent_id${where}
      GROUP BY f.community_id ORDER BY count DESC, c.tree_key`,
  );
  return {
    total: rows.reduce((sum, row) => sum + row.count, 0),
    perCommunity: rows.map((r) => ({ communityId: r.community_id, communityName: r.community_name, parentName: r.parent_name, count: r.count })),
  };
}
