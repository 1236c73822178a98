import { useState } from 'react';
import { FLAG_STATUSES, type FlagStatus } from '@shared/domain/flagged';
import { useWindowSource } from '../../client/useWindowSource';
import { DataTable } from '../../ui/data-table';
import { SearchBox } from '../../ui/SearchBox';
import { useTableState } from '../../ui/useTableState';
import { ViewHeader } from '../../ui/ViewHeader';
import { flaggedColumns } from './flaggedColumns';

/** Reported and rule-matched messages, one row per message, newest report first. */
export function FlaggedView() {
  const table = useTableState([{ column: 'lastReportedAt', desc: true }]);
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<FlagStatus | ''>('open');
  const source = useWindowSource('flagged.window', { sort: table.sort, filters: status ? { status } : {}, search }, ['flagged']);
  return (
    <>
      <ViewHeader title="Flagged" count={source.totalKnown ? `${source.total.toLocaleString()} ${status || 'in all states'}` : undefined}>
        <select
          className="mb-select"
          aria-label="Status"
          value={status}
          onChange={(event) => setStatus(event.target.value as FlagStatus | '')}
        >
          <option value="">Any status</option>
          {FLAG_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <SearchBox label="Search messages" onSearch={setSearch} />
      </ViewHeader>
      <div className="mb-view-body">
        <DataTable
          ariaLabel="Flagged messages"
          columns={flaggedColumns}
          getRowId={(row) => row.id}
          source={source}
          sort={table.sort}
          onSortChange={table.setSort}
          selection={table.selection}
          onSelectionChange={table.setSelection}
          layout={table.layout}
          onLayoutChange={table.setLayout}
          emptyState={search ? 'No flagged message matches this search.' : 'Nothing flagged. All clear.'}
        />
      </div>
    </>
  );
}
