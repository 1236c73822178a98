import { displayTitle } from '@shared/announcements/title';
import type { ANNOUNCEMENT_SORT_COLUMNS, announcementWindowSchema } from '@shared/contract/announcements';
import type { AnnouncementRow, AnnouncementStatus } from '@shared/domain/announcements';
import type { z } from 'zod';
import { sql, trusted, type SqlQuery } from '../store/sql';
import type { WindowSpec } from '../store/window-query';

type Column = (typeof ANNOUNCEMENT_SORT_COLUMNS)[number];
type Filters = z.infer<typeof announcementWindowSchema>['filters'];

interface Raw {
  id: string;
  title: string;
  body_start: string;
  status: AnnouncementStatus;
  scheduled_at: number | null;
  deliveries: number;
  sent: number;
  failed: number;
  updated_at: number;
}

const count = (where: string) => `(SELECT count(*) FROM announcement_deliveries d WHERE d.announcement_id = a.id${where})`;

/** Drafts, scheduled, sending, sent, failed and cancelled announcements, newest change first. */
export const announcementsWindow: WindowSpec<Column, Filters, Raw, AnnouncementRow> = {
  name: 'announcements',
  tables: ['announcements'],
  from: trusted('announcements a'),
  tiebreak: 'a.seq',
  sortColumns: { updatedAt: 'a.updated_at', title: 'lower(a.title)', status: 'a.status' },
  defaultSort: [{ column: 'updatedAt', desc: true }],
  conditions(filters) {
    const where: SqlQuery[] = [];
    if (filters.status) where.push(sql`a.status = ${filters.status}`);
    return where;
  },
  search: ({ text }) => sql`(instr(lower(a.title), lower(${text})) > 0 OR instr(lower(a.body), lower(${text})) > 0)`,
  select: trusted(`a.id, a.title, substr(a.body, 1, 300) AS body_start, a.status, a.scheduled_at,
    ${count('')} AS deliveries, ${count(" AND d.state IN ('sent', 'edited')")} AS sent,
    ${count(" AND d.state = 'failed'")} AS failed, a.updated_at`),
  outer: trusted('announcements a ON a.seq = page.k'),
  toRow: (r) => ({
    id: r.id,
    title: displayTitle(r.title, r.body_start),
    status: r.status,
    scheduledAt: r.scheduled_at,
    deliveries: r.deliveries,
    sent: r.sent,
    failed: r.failed,
    updatedAt: r.updated_at,
  }),
};
