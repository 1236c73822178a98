import { useState } from 'react';
import { JOIN_REQUEST_STATUSES, type JoinRequestStatus } from '@shared/domain/join-request';
import { useWindowSource } from '../../client/useWindowSource';
import { DataTable, selectedCount } from '../../ui/data-table';
import { SearchBox } from '../../ui/SearchBox';
import { useTableState } from '../../ui/useTableState';
import { ViewHeader } from '../../ui/ViewHeader';
import { joinRequestColumns } from './joinRequestColumns';

/** Every join request of every connected community, oldest first. */
export function JoinRequestsView() {
  const table = useTableState([{ column: 'requestedAt', desc: false }]);
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<JoinRequestStatus | ''>('pending');
  const source = useWindowSource(
    'joinRequests.window',
    { sort: table.sort, filters: status ? { status } : {}, search },
    ['join-requests'],
  );
  const selected = selectedCount(table.selection, source.total);
  return (
    <>
      <ViewHeader
        title="Join requests"
        count={source.totalKnown ? `${source.total.toLocaleString()} ${status || 'in all states'}${selected ? ` · ${selected.toLocaleString()} selected` : ''}` : undefined}
      >
        <select
          className="mb-select"
          aria-label="Status"
          value={status}
          onChange={(event) => setStatus(event.target.value as JoinRequestStatus | '')}
        >
          <option value="">Any status</option>
          {JOIN_REQUEST_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <SearchBox label="Search names and answers" onSearch={setSearch} />
      </ViewHeader>
      <div className="mb-view-body">
        <DataTable
          ariaLabel="Join requests"
          columns={joinRequestColumns}
          getRowId={(row) => row.id}
          source={source}
          sort={table.sort}
          onSortChange={table.setSort}
          selection={table.selection}
          onSelectionChange={table.setSelection}
          layout={table.layout}
          onLayoutChange={table.setLayout}
          emptyState={search ? 'No request matches this search.' : 'No join requests here. The queue is clear.'}
        />
      </div>
    </>
  );
}
