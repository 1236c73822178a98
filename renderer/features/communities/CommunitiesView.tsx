import { useState } from 'react';
import { CONNECTION_KINDS, type ConnectionKind } from '@shared/domain/connection';
import { useWindowSource } from '../../client/useWindowSource';
import { DataTable } from '../../ui/data-table';
import { SearchBox } from '../../ui/SearchBox';
import { useTableState } from '../../ui/useTableState';
import { ViewHeader } from '../../ui/ViewHeader';
import { communityColumns } from './communityColumns';

/** Every community and sub-group of every connection, as a tree ordered by parent. */
export function CommunitiesView() {
  const table = useTableState([{ column: 'tree', desc: false }]);
  const [search, setSearch] = useState('');
  const [platform, setPlatform] = useState<ConnectionKind | ''>('');
  const source = useWindowSource(
    'communities.window',
    { sort: table.sort, filters: platform ? { platform } : {}, search },
    ['communities'],
  );
  return (
    <>
      <ViewHeader title="Communities" count={source.totalKnown ? `${source.total.toLocaleString()} communities` : undefined}>
        <select
          className="mb-select"
          aria-label="Platform"
          value={platform}
          onChange={(event) => setPlatform(event.target.value as ConnectionKind | '')}
        >
          <option value="">All platforms</option>
          {CONNECTION_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {kind}
            </option>
          ))}
        </select>
        <SearchBox label="Search communities" onSearch={setSearch} />
      </ViewHeader>
      <div className="mb-view-body">
        <DataTable
          ariaLabel="Communities"
          columns={communityColumns}
          getRowId={(row) => row.id}
          source={source}
          sort={table.sort}
          onSortChange={table.setSort}
          selection={table.selection}
          onSelectionChange={table.setSelection}
          layout={table.layout}
          onLayoutChange={table.setLayout}
          emptyState={search ? 'No community matches this search.' : 'No communities yet. Add a connection in Settings.'}
        />
      </div>
    </>
  );
}
