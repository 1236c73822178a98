import type { RecentFlagAction } from '@shared/domain/flagged';
import type { Reader } from '../store/database';
import { sql, trusted } from '../store/sql';

interface Raw {
  id: string;
  decision: RecentFlagAction['decision'];
  summary: string;
  count: number;
  created_at: number;
  grace_until: number;
  undone_at: number | null;
  restorable: number;
  waiting: number;
  pushed: number;
  failed: number;
}

const OF_ACTION = trusted(`o.id > a.id || '.' AND o.id < a.id || '/'`);

/** The moderator's latest actions on flagged messages, with what undo can still reach. */
export async function recentFlagActions(reader: Reader, limit: number): Promise<RecentFlagAction[]> {
  const rows = await reader.all<Raw>(sql`SELECT a.id, a.decision, a.summary, a.count, a.created_at, a.grace_until, a.undone_at,
      (SELECT count(*) FROM flags f WHERE f.last_action_id = a.id AND NOT EXISTS (SELECT 1 FROM outbox o
        WHERE ${OF_ACTION} AND o.subject_id = f.id AND o.state IN ('in-flight', 'done'))) AS restorable,
      (SELECT count(*) FROM outbox o WHERE ${OF_ACTION} AND o.state = 'queued') AS waiting,
      (SELECT count(*) FROM outbox o WHERE ${OF_ACTION} AND o.state IN ('in-flight', 'done')) AS pushed,
      (SELECT count(*) FROM outbox o WHERE ${OF_ACTION} AND o.state = 'failed') AS failed
    FROM moderation_actions a WHERE a.queue = 'flags' ORDER BY a.created_at DESC, a.seq DESC LIMIT ${limit}`);
  return rows.map((r) => ({
    id: r.id,
    decision: r.decision,
    summary: r.summary,
    count: r.count,
    createdAt: r.created_at,
    graceUntil: r.grace_until,
    undoneAt: r.undone_at,
    // Flags it would restore, or (an action on authors only) the pushes it would hold back.
    undoable: r.undone_at !== null ? 0 : r.restorable > 0 ? r.restorable : r.waiting + r.failed,
    pushed: r.pushed,
    failed: r.failed,
  }));
}
