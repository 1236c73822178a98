import type { QueueCounts } from '@shared/domain/queues';
import type { Reader } from '../store/database';
import { sql } from '../store/sql';

/** Navigation badges: read from trigger-kept counters and small tables, never a full scan. */
export async function readQueueCounts(reader: Reader): Promise<QueueCounts> {
  const row = await reader.get<{
    join_pending: number | null;
    flags_open: number | null;
    announcements: number;
    pushes_pending: number;
    pushes_failed: number;
  }>(sql`SELECT
      (SELECT sum(n) FROM queue_counts WHERE queue = 'join_requests' AND status = 'pending') AS join_pending,
      (SELECT sum(n) FROM queue_counts WHERE queue = 'flags' AND status = 'open') AS flags_open,
      (SELECT count(*) FROM announcements WHERE status IN ('draft', 'scheduled', 'sending')) AS announcements,
      (SELECT count(*) FROM outbox WHERE state IN ('queued', 'in-flight')) AS pushes_pending,
      (SELECT count(*) FROM outbox WHERE state = 'failed') AS pushes_failed`);
  return {
    pendingJoinRequests: row?.join_pending ?? 0,
    openFlags: row?.flags_open ?? 0,
    activeAnnouncements: row?.announcements ?? 0,
    pendingPushes: row?.pushes_pending ?? 0,
    failedPushes: row?.pushes_failed ?? 0,
  };
}
