import type { AuditEntry, OutboxRow } from '@shared/domain/audit';
import type { DataTableColumn } from '../../ui/data-table';
import { formatAge } from '../../ui/format';

export interface OutboxActions {
  retry(row: OutboxRow): void;
  discard(row: OutboxRow): void;
}

/** A failed push can be retried or discarded; a queued one discarded before it is sent. */
export const outboxActionColumn = (actions: OutboxActions): DataTableColumn<OutboxRow> => ({
  id: 'actions',
  header: 'Actions',
  size: 170,
  hideable: false,
  cell: (row) => (
    <span style={{ display: 'flex', gap: 4 }}>
      {row.state === 'failed' && (
        <button type="button" className="mb-button" onClick={() => actions.retry(row)}>
          Retry
        </button>
      )}
      {(row.state === 'failed' || row.state === 'queued') && (
        <button type="button" className="mb-button" onClick={() => actions.discard(row)}>
          Discard
        </button>
      )}
    </span>
  ),
});

export const outboxColumns: readonly DataTableColumn<OutboxRow>[] = [
  { id: 'createdAt', header: 'Queued', size: 120, sortable: true, text: (row) => formatAge(row.createdAt) },
  { id: 'kind', header: 'Action', size: 160, text: (row) => row.kind },
  { id: 'target', header: 'Target', size: 200, text: (row) => row.target },
  { id: 'connection', header: 'Connection', size: 150, text: (row) => row.connectionName },
  { id: 'state', header: 'State', size: 100, text: (row) => row.state },
  { id: 'attempts', header: 'Attempts', size: 80, align: 'end', text: (row) => row.attempts },
  { id: 'lastError', header: 'Last error', size: 300, text: (row) => row.lastError ?? '' },
];

export const auditColumns: readonly DataTableColumn<AuditEntry>[] = [
  { id: 'at', header: 'When', size: 170, sortable: true, text: (row) => new Date(row.at).toLocaleString() },
  { id: 'actor', header: 'Who', size: 120, text: (row) => row.actor },
  { id: 'action', header: 'Action', size: 160, text: (row) => row.action },
  { id: 'summary', header: 'What', size: 420, text: (row) => row.summary },
  { id: 'device', header: 'Device', size: 120, text: (row) => row.device, hidden: true },
];
