import type { ConnectionKind } from '@shared/domain/connection';
import type { AuthorStanding, FlaggedRow, FlagSource, FlagStatus } from '@shared/domain/flagged';
import type { SyncState } from '@shared/domain/join-request';
import type { FLAGGED_SORT_COLUMNS, FlaggedFilters } from '@shared/contract/tables';
import { sql, trusted } from '../store/sql';
import type { WindowSpec } from '../store/window-query';
import { flagConditions, flagsCountableFromCounters, flagSearch, STANDING_OF_AUTHOR } from './flag-filters';

type Column = (typeof FLAGGED_SORT_COLUMNS)[number];

interface Raw {
  id: string;
  excerpt: string;
  author_name: string;
  author_member_id: string | null;
  community_id: string;
  community_name: string;
  parent_name: string | null;
  connection_id: string;
  platform: ConnectionKind;
  reasons: string;
  report_count: number;
  source: FlagSource;
  rule_names: string;
  first_reported_at: number;
  last_reported_at: number;
  status: FlagStatus;
  sync_state: SyncState;
  handled_elsewhere_by: string | null;
  standing: string;
}

/**
 * Sort keys are denormalised columns of flags, each indexed as (status, key, seq). The
 * rule names and the author's standing are read for the window's rows only.
 */
export const flaggedWindow: WindowSpec<Column, FlaggedFilters, Raw, FlaggedRow> = {
  name: 'flagged',
  tables: ['flags', 'messages'],
  from: trusted('flags f'),
  tiebreak: 'f.seq',
  sortColumns: {
    lastReportedAt: 'f.last_reported_at',
    reportCount: 'f.report_count',
    authorName: 'f.author_sort',
    communityName: 'f.community_sort',
  },
  defaultSort: [{ column: 'lastReportedAt', desc: true }],
  conditions: (filters) => flagConditions(filters),
  fastCount: (filters) =>
    filters.status && flagsCountableFromCounters(filters)
      ? sql`SELECT sum(n) AS n FROM queue_counts WHERE queue = 'flags' AND status = ${filters.status}${
          filters.communityId ? sql` AND community_id = ${filters.communityId}` : trusted('')
        }`
      : null,
  search: ({ fts }) => flagSearch(fts),
  searchFrom: (fts) => ({
    from: trusted('messages_fts CROSS JOIN messages m ON m.seq = messages_fts.rowid CROSS JOIN flags f ON f.message_id = m.id'),
    match: sql`messages_fts MATCH ${fts}`,
  }),
  select: trusted(`f.id, substr(m.body, 1, 280) AS excerpt, m.author_name, m.author_member_id, f.community_id,
    c.name AS community_name, p.name AS parent_name, c.connection_id, n.kind AS platform, f.reasons, f.report_count, f.source,
    (SELECT json_group_array(DISTINCT r.name) FROM reports rp JOIN rules r ON r.id = rp.rule_id WHERE rp.flag_id = f.id) AS rule_names,
    f.first_reported_at, f.last_reported_at, f.status, f.sync_state, f.handled_elsewhere_by, ${STANDING_OF_AUTHOR} AS standing`),
  outer: trusted(`flags f ON f.seq = page.k JOIN messages m ON m.id = f.message_id
    JOIN communities c ON c.id = f.community_id LEFT JOIN communities p ON p.id = c.parent_id
    JOIN connections n ON n.id = c.connection_id`),
  toRow: (r) => ({
    id: r.id,
    excerpt: r.excerpt,
    authorName: r.author_name,
    authorMemberId: r.author_member_id,
    communityId: r.community_id,
    communityName: r.community_name,
    parentCommunityName: r.parent_name,
    connectionId: r.connection_id,
    platform: r.platform,
    reasons: JSON.parse(r.reasons) as string[],
    reportCount: r.report_count,
    source: r.source,
    ruleNames: JSON.parse(r.rule_names) as string[],
    firstReportedAt: r.first_reported_at,
    lastReportedAt: r.last_reported_at,
    status: r.status,
    syncState: r.sync_state,
    handledElsewhereBy: r.handled_elsewhere_by,
    standing: JSON.parse(r.standing) as AuthorStanding,
  }),
};
