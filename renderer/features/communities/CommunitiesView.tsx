import { useRef, useState } from 'react';
import { CONNECTION_KINDS, type ConnectionKind } from '@shared/domain/connection';
import { useWindowSource } from '../../client/useWindowSource';
import { QueueTable } from '../../ui/QueueTable';
import { SearchBox } from '../../ui/SearchBox';
import { useTableState } from '../../ui/useTableState';
import { ViewHeader } from '../../ui/ViewHeader';
import { communityColumns } from './communityColumns';
import { CommunityProfilePane } from './CommunityProfilePane';
import './communities.css';

/**
 * Every community and sub-group of every connection, as a tree ordered by parent.
 * Enter on a row opens its announcement values (language, tags, custom fields).
 */
export function CommunitiesView() {
  const table = useTableState([{ column: 'tree', desc: false }]);
  const [search, setSearch] = useState('');
  const [platform, setPlatform] = useState<ConnectionKind | ''>('');
  const [openId, setOpenId] = useState<string | null>(null);
  const tableArea = useRef<HTMLDivElement>(null);
  const source = useWindowSource('communities.window', { sort: table.sort, filters: platform ? { platform } : {}, search }, ['communities']);
  const close = () => {
    setOpenId(null);
    tableArea.current?.querySelector<HTMLElement>('[role="grid"]')?.focus();
  };
  return (
    <>
      <ViewHeader title="Communities" count={source.totalKnown ? `${source.total.toLocaleString()} communities` : undefined}>
        <select className="mb-select" aria-label="Platform" value={platform} onChange={(event) => setPlatform(event.target.value as ConnectionKind | '')}>
          <option value="">All platforms</option>
          {CONNECTION_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {kind}
            </option>
          ))}
        </select>
        <span className="mb-muted">Enter: announcement values</span>
        <SearchBox label="Search communities" onSearch={setSearch} />
      </ViewHeader>
      <div className={`cm-body${openId ? '' : ' cm-body--closed'}`}>
        <div ref={tableArea} className="cm-table">
          <QueueTable
            table={table}
            ariaLabel="Communities"
            columns={communityColumns}
            getRowId={(row) => row.id}
            source={source}
            onActivate={(row) => setOpenId(row.id)}
            emptyState={search ? 'No community matches this search.' : 'No communities yet. Add a connection in Settings.'}
          />
        </div>
        {openId && <CommunityProfilePane key={openId} id={openId} onClose={close} />}
      </div>
    </>
  );
}
