import type { ConnectionKind } from '@shared/domain/connection';
import type { FlaggedRow, FlagStatus } from '@shared/domain/flagged';
import type { SyncState } from '@shared/domain/join-request';
import type { FLAGGED_SORT_COLUMNS, flaggedFiltersSchema } from '@shared/contract/tables';
import type { z } from 'zod';
import { sql, trusted, type SqlQuery } from '../store/sql';
import type { WindowSpec } from '../store/window-query';

type Column = (typeof FLAGGED_SORT_COLUMNS)[number];
type Filters = z.infer<typeof flaggedFiltersSchema>;

interface Raw {
  id: string;
  excerpt: string;
  author_name: string;
  community_id: string;
  community_name: string;
  platform: ConnectionKind;
  reasons: string;
  report_count: number;
  source: 'platform' | 'rule';
  first_reported_at: number;
  last_reported_at: number;
  status: FlagStatus;
  sync_state: SyncState;
}

export const flaggedWindow: WindowSpec<Column, Filters, Raw, FlaggedRow> = {
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
  conditions(filters) {
    const where: SqlQuery[] = [];
    if (filters.status) where.push(sql`f.status = ${filters.status}`);
    if (filters.communityId) where.push(sql`f.community_id = ${filters.communityId}`);
    return where;
  },
  fastCount: (filters) =>
    filters.status
      ? sql`SELECT sum(n) AS n FROM queue_counts WHERE queue = 'flags' AND status = ${filters.status}${
          filters.communityId ? sql` AND community_id = ${filters.communityId}` : trusted('')
        }`
      : null,
  search: ({ fts }) =>
    sql`f.message_id IN (SELECT m.id FROM messages m WHERE m.seq IN (SELECT rowid FROM messages_fts WHERE messages_fts MATCH ${fts}))`,
  select: trusted(`f.id, substr(m.body, 1, 280) AS excerpt, m.author_name, f.community_id, c.name AS community_name,
    n.kind AS platform, f.reasons, f.report_count, f.source, f.first_reported_at, f.last_reported_at, f.status, f.sync_state`),
  outer: trusted(`flags f ON f.seq = page.k JOIN messages m ON m.id = f.message_id
    JOIN communities c ON c.id = f.community_id JOIN connections n ON n.id = c.connection_id`),
  toRow: (r) => ({
    id: r.id,
    excerpt: r.excerpt,
    authorName: r.author_name,
    communityId: r.community_id,
    communityName: r.community_name,
    platform: r.platform,
    reasons: JSON.parse(r.reasons) as string[],
    reportCount: r.report_count,
    source: r.source,
    firstReportedAt: r.first_reported_at,
    lastReportedAt: r.last_reported_at,
    status: r.status,
    syncState: r.sync_state,
  }),
};
