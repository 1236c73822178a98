import type { OutboxRow } from '@shared/domain/audit';
import type { OUTBOX_SORT_COLUMNS, outboxFiltersSchema } from '@shared/contract/tables';
import type { z } from 'zod';
import { sql, trusted, type SqlQuery } from '../store/sql';
import type { WindowSpec } from '../store/window-query';

type Column = (typeof OUTBOX_SORT_COLUMNS)[number];
type Filters = z.infer<typeof outboxFiltersSchema>;

interface Raw {
  id: string;
  connection_name: string;
  kind: string;
  target_key: string;
  state: OutboxRow['state'];
  attempts: number;
  not_before: number;
  last_error: string | null;
  created_at: number;
}

export const outboxWindow: WindowSpec<Column, Filters, Raw, OutboxRow> = {
  name: 'outbox',
  tables: ['outbox'],
  from: trusted('outbox o'),
  tiebreak: 'o.seq',
  sortColumns: { createdAt: 'o.created_at' },
  defaultSort: [{ column: 'createdAt', desc: true }],
  conditions(filters) {
    const where: SqlQuery[] = [];
    if (filters.state) where.push(sql`o.state = ${filters.state}`);
    return where;
  },
  select: trusted(`o.id, n.name AS connection_name, o.kind, o.target_key, o.state, o.attempts, o.not_before,
    o.last_error, o.created_at`),
  outer: trusted('outbox o ON o.seq = page.k JOIN connections n ON n.id = o.connection_id'),
  toRow: (r) => ({
    id: r.id,
    connectionName: r.connection_name,
    kind: r.kind,
    target: r.target_key,
    state: r.state,
    attempts: r.attempts,
    nextAttemptAt: r.not_before,
    lastError: r.last_error,
    createdAt: r.created_at,
  }),
};
