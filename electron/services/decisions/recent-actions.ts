import type { JoinDecisionKind, RecentAction } from '@shared/domain/decisions';
import type { Reader } from '../store/database';
import { sql } from '../store/sql';
import { mayHaveReachedPlatform } from '../store/repositories/outbox';

interface Raw {
  id: string;
  decision: JoinDecisionKind;
  summary: string;
  count: number;
  created_at: number;
  grace_until: number;
  undone_at: number | null;
  still_decided: number;
  pushed: number;
  failed: number;
}

/** The moderator's latest join-request decisions with what undo can still reach (flag actions have their own drawer). */
export async function recentActions(reader: Reader, limit: number): Promise<RecentAction[]> {
  const rows = await reader.all<Raw>(sql`SELECT a.id, a.decision, a.summary, a.count, a.created_at, a.grace_until, a.undone_at,
      (SELECT count(*) FROM join_requests j WHERE j.last_action_id = a.id) AS still_decided,
      (SELECT count(*) FROM outbox o WHERE o.id > a.id || '.' AND o.id < a.id || '/' AND ${mayHaveReachedPlatform}) AS pushed,
      (SELECT count(*) FROM outbox o WHERE o.id > a.id || '.' AND o.id < a.id || '/' AND o.state = 'failed') AS failed
    FROM moderation_actions a WHERE a.queue = 'join_requests' ORDER BY a.created_at DESC, a.seq DESC LIMIT ${limit}`);
  return rows.map((r) => ({
    id: r.id,
    decision: r.decision,
    summary: r.summary,
    count: r.count,
    createdAt: r.created_at,
    graceUntil: r.grace_until,
    undoneAt: r.undone_at,
    undoable: r.undone_at === null ? Math.max(0, r.still_decided - r.pushed) : 0,
    pushed: r.pushed,
    failed: r.failed,
  }));
}
