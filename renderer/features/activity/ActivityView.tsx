import { useMemo, useState } from 'react';
import type { OutboxRow } from '@shared/domain/audit';
import { useApi } from '../../client/ApiProvider';
import { useWindowSource } from '../../client/useWindowSource';
import { QueueTable } from '../../ui/QueueTable';
import { SearchBox } from '../../ui/SearchBox';
import { useTableState } from '../../ui/useTableState';
import { ViewHeader } from '../../ui/ViewHeader';
import { auditColumns, outboxActionColumn, outboxColumns } from './activityColumns';
import { ConnectionHealthList } from './ConnectionHealthList';

const TABS = [
  { id: 'connections', label: 'Connections' },
  { id: 'outbox', label: 'Outbox' },
  { id: 'audit', label: 'Audit log' },
] as const;
type Tab = (typeof TABS)[number]['id'];

function OutboxTable() {
  const table = useTableState([{ column: 'createdAt', desc: true }]);
  const [state, setState] = useState<OutboxRow['state'] | ''>('');
  const source = useWindowSource('outbox.window', { sort: table.sort, filters: state ? { state } : {} }, ['outbox']);
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  const columns = useMemo(() => {
    const act = (name: 'outbox.retry' | 'outbox.discard', row: OutboxRow) =>
      void api.call(name, { id: row.id }).then((result) => setError(result.ok ? null : result.error.message));
    return [...outboxColumns, outboxActionColumn({ retry: (row) => act('outbox.retry', row), discard: (row) => act('outbox.discard', row) })];
  }, [api]);
  return (
    <>
      <div className="mb-view-header">
        <select className="mb-select" aria-label="Push state" value={state} onChange={(e) => setState(e.target.value as OutboxRow['state'] | '')}>
          <option value="">Every state</option>
          {(['queued', 'in-flight', 'failed', 'done', 'discarded'] as const).map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <span className="mb-muted">{source.total.toLocaleString()} pushes</span>
        {error && (
          <span role="alert" className="mb-error">
            {error}
          </span>
        )}
      </div>
      <QueueTable table={table} ariaLabel="Outbox" columns={columns} getRowId={(row) => row.id} source={source} emptyState="Nothing waiting to be pushed." />
    </>
  );
}

function AuditTable() {
  const table = useTableState([{ column: 'at', desc: true }]);
  const [search, setSearch] = useState('');
  const source = useWindowSource('audit.window', { sort: table.sort, filters: {}, search }, ['audit']);
  return (
    <>
      <div className="mb-view-header">
        <span className="mb-muted">{source.total.toLocaleString()} entries</span>
        <SearchBox label="Search the audit log" onSearch={setSearch} />
      </div>
      <QueueTable table={table} ariaLabel="Audit log" columns={auditColumns} getRowId={(row) => row.id} source={source} emptyState="The audit log is empty." />
    </>
  );
}

/** Sync health per connection, the outbox of pushes, and the audit log. */
export function ActivityView() {
  const [tab, setTab] = useState<Tab>('connections');
  return (
    <>
      <ViewHeader title="Activity" />
      <div className="mb-tabs" role="tablist" aria-label="Activity">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`activity-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls="activity-panel"
            className="mb-tab"
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div className="mb-view-body" role="tabpanel" id="activity-panel" aria-labelledby={`activity-tab-${tab}`}>
        {tab === 'connections' && <ConnectionHealthList />}
        {tab === 'outbox' && <OutboxTable />}
        {tab === 'audit' && <AuditTable />}
      </div>
    </>
  );
}
