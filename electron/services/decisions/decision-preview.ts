import type { JoinTarget } from '@shared/contract/join-requests';
import type { DecisionPreview, JoinDecisionKind } from '@shared/domain/decisions';
import type { ConnectionCapabilities } from '@shared/domain/flagged';
import type { Reader } from '../store/database';
import { sql, whereAll } from '../store/sql';
import { leftPendingOf, reachOf } from './join-gate';
import { DECIDABLE, targetConditions } from './join-targets';

/** With a decision, what the gate needs to leave out the rows whose platform cannot take it. */
export interface PreviewGate {
  readonly decision: JoinDecisionKind;
  readonly capabilities: readonly ConnectionCapabilities[];
}

/**
 * What a decision on `target` would reach, per community, for the bulk confirmation.
 * With `gate`, the same split main applies when deciding (join-gate.ts): rows whose
 * platform cannot take the decision are counted apart in `leftPending`, and a target no
 * row of which can take it is refused here already.
 */
export async function previewDecision(reader: Reader, target: JoinTarget, now: number, gate: PreviewGate | null): Promise<DecisionPreview> {
  const conditions = [...targetConditions(target, now), DECIDABLE];
  let leftPending = null;
  if (gate) {
    const byConnection = sql`SELECT j.connection_id, n.kind, n.name, count(*) AS rows
      FROM join_requests j JOIN connections n ON n.id = j.connection_id${whereAll(conditions)} GROUP BY j.connection_id`;
    const { reach, unableIds } = await reachOf(reader, byConnection, gate.decision, gate.capabilities);
    leftPending = leftPendingOf(gate.decision, reach);
    if (leftPending) conditions.push(sql`j.connection_id NOT IN (SELECT value FROM json_each(${JSON.stringify(unableIds)}))`);
  }
  const perCommunity = await reader.all<{ community_id: string; community_name: string; parent_name: string | null; count: number }>(
    sql`SELECT j.community_id, c.name AS community_name, p.name AS parent_name, count(*) AS count
      FROM join_requests j JOIN communities c ON c.id = j.community_id LEFT JOIN communities p ON p.id = c.parent_id${whereAll(conditions)}
      GROUP BY j.community_id ORDER BY count DESC, c.tree_key`,
  );
  return {
    total: perCommunity.reduce((sum, row) => sum + row.count, 0),
    perCommunity: perCommunity.map((r) => ({ communityId: r.community_id, communityName: r.community_name, parentName: r.parent_name, count: r.count })),
    ...(leftPending ? { leftPending } : {}),
  };
}
