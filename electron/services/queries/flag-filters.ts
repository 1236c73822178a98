import type { FlaggedFilters } from '@shared/contract/tables';
import { sql, type SqlQuery } from '../store/sql';

const HOUR_MS = 3_600_000;

/**
 * The flagged queue's filters as SQL conditions over `flags f`. One definition serves
 * the queue's windows, actions on "everything matching" and their previews, so what the
 * moderator sees is exactly what a bulk action reaches.
 */
export function flagConditions(filters: FlaggedFilters, now: number = Date.now()): SqlQuery[] {
  const where: SqlQuery[] = [];
  if (filters.status) where.push(sql`f.status = ${filters.status}`);
  if (filters.communityId) where.push(sql`f.community_id = ${filters.communityId}`);
  if (filters.communityTree)
    where.push(sql`f.community_id IN (WITH RECURSIVE tree(id) AS (SELECT ${filters.communityTree}
      UNION SELECT c.id FROM communities c JOIN tree ON c.parent_id = tree.id) SELECT id FROM tree)`);
  if (filters.platform)
    where.push(sql`f.community_id IN (SELECT c.id FROM communities c JOIN connections n ON n.id = c.connection_id WHERE n.kind = ${filters.platform})`);
  if (filters.source) where.push(sql`f.source = ${filters.source}`);
  if (filters.minReports !== undefined) where.push(sql`f.report_count >= ${filters.minReports}`);
  if (filters.reportedWithinHours !== undefined) where.push(sql`f.last_reported_at >= ${now - filters.reportedWithinHours * HOUR_MS}`);
  if (filters.authorMemberId) where.push(sql`f.message_id IN (SELECT id FROM messages WHERE author_member_id = ${filters.authorMemberId})`);
  if (filters.syncState) where.push(sql`f.sync_state = ${filters.syncState}`);
  return where;
}

/** The message text and author name, through the messages' full-text index. */
export const flagSearch = (fts: string): SqlQuery =>
  sql`f.message_id IN (SELECT m.id FROM messages m WHERE m.seq IN (SELECT rowid FROM messages_fts WHERE messages_fts MATCH ${fts}))`;

/** True when only status and community narrow the query, so the trigger-kept counters know the total. */
export const flagsCountableFromCounters = (filters: FlaggedFilters): boolean =>
  Object.entries(filters).every(([key, value]) => value === undefined || key === 'status' || key === 'communityId');

/** What the author's standing counts: this desk's sanctions on any identity of the same person, neither undone nor lifted. */
export const STANDING_OF_AUTHOR = `(SELECT json_object('removals', count(*) FILTER (WHERE s.kind = 'removal'),
    'mutes', count(*) FILTER (WHERE s.kind = 'mute'), 'bans', count(*) FILTER (WHERE s.kind = 'ban'))
  FROM member_sanctions s WHERE s.undone_at IS NULL AND s.lifted_at IS NULL AND s.member_id IN (SELECT i.id FROM members i WHERE i.id = m.author_member_id
    OR (i.person_id IS NOT NULL AND i.person_id = (SELECT a.person_id FROM members a WHERE a.id = m.author_member_id))))`;
