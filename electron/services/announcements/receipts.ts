import type { DELIVERY_SORT_COLUMNS, deliveryWindowSchema } from '@shared/contract/announcements';
import { DELIVERY_STATES, type DeliveryAction, type DeliveryCounts, type DeliveryRow, type DeliveryState } from '@shared/domain/announcements';
import type { ConnectionKind } from '@shared/domain/connection';
import type { z } from 'zod';
import type { Reader } from '../store/database';
import { sql, trusted, type SqlQuery } from '../store/sql';
import type { WindowSpec } from '../store/window-query';

type Column = (typeof DELIVERY_SORT_COLUMNS)[number];
type Filters = z.infer<typeof deliveryWindowSchema>['filters'];

/**
 * A receipt's state: the delivery's own, except while its latest push waits or is on
 * the wire. That also covers pushes retried from the Activity view.
 */
const STATE = `CASE o.state WHEN 'in-flight' THEN 'sending' WHEN 'queued' THEN 'queued' WHEN 'failed' THEN 'failed' ELSE d.state END`;
const ACTION = `CASE o.kind WHEN 'announce.edit' THEN 'edit' WHEN 'announce.delete' THEN 'delete' ELSE 'send' END`;
const FROM = 'announcement_deliveries d LEFT JOIN outbox o ON o.id = d.outbox_id';

interface Raw {
  id: string;
  community_id: string;
  community_name: string;
  platform: ConnectionKind;
  connection_name: string;
  state: DeliveryState;
  action: DeliveryAction;
  rendered_text: string;
  external_message_id: string | null;
  external_url: string | null;
  error: string | null;
  attempts: number | null;
  not_before: number | null;
  updated_at: number;
}

/**
 * The receipts of one announcement. An announcement has at most one delivery per
 * community (thousands at most), so sorting them after the `announcement_id` probe
 * is cheap; the rowid is the tie-break (the table has no seq and is never vacuumed
 * while the app runs).
 */
export const receiptsWindow: WindowSpec<Column, Filters, Raw, DeliveryRow> = {
  name: 'announcement-receipts',
  tables: ['announcements', 'outbox', 'communities'],
  from: trusted(`${FROM} JOIN communities c ON c.id = d.community_id`),
  tiebreak: 'd.rowid',
  sortColumns: { community: 'c.tree_key', state: STATE, updatedAt: 'd.updated_at' },
  defaultSort: [{ column: 'community', desc: false }],
  conditions(filters) {
    const where: SqlQuery[] = [sql`d.announcement_id = ${filters.announcementId}`];
    if (filters.state) where.push(sql`${trusted(STATE)} = ${filters.state}`);
    return where;
  },
  search: ({ text }) => sql`instr(lower(c.name), lower(${text})) > 0`,
  select: trusted(`d.id, c.id AS community_id, c.name AS community_name, n.kind AS platform, n.name AS connection_name,
    ${STATE} AS state, ${ACTION} AS action, d.rendered_text, d.external_message_id, d.external_url,
    CASE WHEN ${STATE} = 'failed' THEN coalesce(o.last_error, d.error) WHEN o.state = 'queued' THEN o.last_error ELSE d.error END AS error,
    o.attempts, CASE WHEN o.state = 'queued' THEN o.not_before END AS not_before, d.updated_at`),
  outer: trusted(`announcement_deliveries d ON d.rowid = page.k LEFT JOIN outbox o ON o.id = d.outbox_id
    JOIN communities c ON c.id = d.community_id JOIN connections n ON n.id = c.connection_id`),
  toRow: (r) => ({
    id: r.id,
    communityId: r.community_id,
    communityName: r.community_name,
    platform: r.platform,
    connectionName: r.connection_name,
    state: r.state,
    action: r.action,
    text: r.rendered_text,
    messageId: r.external_message_id,
    url: r.external_url,
    error: r.error,
    attempts: r.attempts ?? 0,
    notBefore: r.not_before,
    updatedAt: r.updated_at,
  }),
};

/** Receipts per state, for the counts and the progress bar. */
export async function deliveryCounts(reader: Reader, announcementId: string): Promise<DeliveryCounts> {
  const rows = await reader.all<{ state: DeliveryState; n: number }>(sql`SELECT ${trusted(STATE)} AS state, count(*) AS n
    FROM ${trusted(FROM)} WHERE d.announcement_id = ${announcementId} GROUP BY 1`);
  const counts = Object.fromEntries(DELIVERY_STATES.map((state) => [state, 0])) as Record<DeliveryState, number>;
  for (const row of rows) counts[row.state] += row.n;
  return { ...counts, total: rows.reduce((sum, row) => sum + row.n, 0) };
}
