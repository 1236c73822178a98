import { useMemo, useState } from 'react';
import { DELIVERY_STATES, type DeliveryRow, type DeliveryState } from '@shared/domain/announcements';
import { deskKeyIntent } from '@shared/keyboard/announcement-keys';
import { useWindowSource } from '../../client/useWindowSource';
import { QueueTable } from '../../ui/QueueTable';
import { useTableState } from '../../ui/useTableState';
import { receiptColumns } from './receiptColumns';

interface Props {
  readonly announcementId: string;
  /** Keep stable: the columns are built from it. */
  readonly onRetry: (row: DeliveryRow) => void;
}

/** The live receipts of one announcement: one row per target, following its send, edit or delete. */
export function ReceiptsTable({ announcementId, onRetry }: Props) {
  const table = useTableState([{ column: 'community', desc: false }]);
  const [state, setState] = useState<DeliveryState | ''>('');
  const source = useWindowSource(
    'announcements.receipts',
    { sort: table.sort, filters: { announcementId, ...(state ? { state } : {}) } },
    ['announcements', 'outbox'],
  );
  const columns = useMemo(() => receiptColumns(onRetry), [onRetry]);
  return (
    <section className="an-section" aria-labelledby="an-receipts-title">
      <div className="an-pane-head">
        <h3 id="an-receipts-title">Delivery receipts</h3>
        <select className="mb-select" aria-label="Receipt state" value={state} onChange={(event) => setState(event.target.value as DeliveryState | '')}>
          <option value="">Every state</option>
          {DELIVERY_STATES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      <div className="an-table">
        <QueueTable
          table={table}
          ariaLabel="Delivery receipts"
          columns={columns}
          getRowId={(row) => row.id}
          source={source}
          onKeyDown={(event, { focusedRow }) => {
            if (!focusedRow || focusedRow.state !== 'failed' || deskKeyIntent(event, 'receipts').kind !== 'retry') return;
            event.preventDefault();
            onRetry(focusedRow);
          }}
          emptyState="No receipts."
        />
      </div>
    </section>
  );
}
