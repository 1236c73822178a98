import type { DeliveryRow } from '@shared/domain/announcements';
import { TextCell, type DataTableColumn } from '../../ui/data-table';
import { formatAge } from '../../ui/format';
import { ExternalLink } from '../settings/ExternalLink';
import { StatePill } from './StatePill';

const ACTION_LABEL = { send: '', edit: 'edit', delete: 'delete' } as const;

/** "sent", "edit queued", "failed (delete)": the state, and which push it is about when not the first send. */
function stateLabel(row: DeliveryRow): string {
  const action = ACTION_LABEL[row.action];
  if (action === '' || row.state === 'edited' || row.state === 'deleted') return row.state;
  return row.state === 'failed' ? `failed (${action})` : `${action} ${row.state}`;
}

function problemText(row: DeliveryRow): string {
  if (!row.error) return '';
  return row.state === 'queued' ? `retrying: ${row.error}` : row.error;
}

/** Receipts of one announcement; `retry` sends a failed target again. */
export function receiptColumns(retry: (row: DeliveryRow) => void): readonly DataTableColumn<DeliveryRow>[] {
  return [
    { id: 'community', header: 'Target', size: 240, sortable: true, pinned: true, hideable: false, cell: (row) => <TextCell value={row.communityName} /> },
    { id: 'state', header: 'State', size: 130, sortable: true, cell: (row) => <StatePill state={row.state} label={stateLabel(row)} /> },
    {
      id: 'message',
      header: 'Message',
      size: 170,
      cell: (row) =>
        row.url ? (
          <ExternalLink url={row.url}>
            <span className="an-link">{row.messageId ?? 'open'} ↗</span>
          </ExternalLink>
        ) : (
          <TextCell value={row.messageId ?? ''} />
        ),
    },
    { id: 'error', header: 'Reason', size: 260, text: problemText },
    {
      id: 'retry',
      header: 'Retry',
      size: 80,
      cell: (row) =>
        row.state === 'failed' ? (
          <button type="button" className="mb-button an-small" tabIndex={-1} aria-label={`Retry ${row.communityName}`} onClick={() => retry(row)}>
            Retry
          </button>
        ) : null,
    },
    { id: 'attempts', header: 'Attempts', size: 80, align: 'end', hidden: true, text: (row) => row.attempts },
    { id: 'text', header: 'Text', size: 320, text: (row) => row.text },
    { id: 'platform', header: 'Platform', size: 90, hidden: true, text: (row) => row.platform },
    { id: 'updatedAt', header: 'Updated', size: 110, sortable: true, text: (row) => formatAge(row.updatedAt) },
  ];
}
