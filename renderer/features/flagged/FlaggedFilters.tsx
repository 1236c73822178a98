import type { FlaggedFilters as Filters } from '@shared/contract/tables';
import { CONNECTION_KINDS } from '@shared/domain/connection';
import { FLAG_STATUSES } from '@shared/domain/flagged';
import { SYNC_STATES } from '@shared/domain/join-request';
import { useQuery } from '../../client/hooks';

interface Props {
  readonly filters: Filters;
  readonly onChange: (filters: Filters) => void;
}

const WITHIN = [
  { hours: 1, label: 'last hour' },
  { hours: 24, label: 'last 24 h' },
  { hours: 24 * 7, label: 'last 7 days' },
];

/** Every filter of the queue; each maps onto `flaggedFiltersSchema` and runs in SQL. */
export function FlaggedFilters({ filters, onChange }: Props) {
  const communities = useQuery('communities.window', { offset: 0, limit: 500, sort: [{ column: 'tree', desc: false }], filters: {} }, ['communities']);
  const select = <K extends keyof Filters>(key: K, label: string, value: string | undefined, options: readonly { value: string; label: string }[], parse: (raw: string) => Filters[K]) => (
    <select className="mb-select" aria-label={label} value={value ?? ''} onChange={(event) => onChange({ ...filters, [key]: event.target.value ? parse(event.target.value) : undefined })}>
      <option value="">{label}: any</option>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {label}: {option.label}
        </option>
      ))}
    </select>
  );
  const narrowing = Object.entries(filters).filter(([key, value]) => key !== 'status' && value !== undefined).length;
  return (
    <div className="jr-filters fl-filters" role="group" aria-label="Filters">
      {select('status', 'Status', filters.status, FLAG_STATUSES.map((s) => ({ value: s, label: s })), (raw) => raw as Filters['status'])}
      {select('communityTree', 'Community', filters.communityTree, (communities.data?.rows ?? []).map((c) => ({ value: c.id, label: `${'· '.repeat(c.depth)}${c.name.slice(0, 60)}` })), (raw) => raw)}
      {select('platform', 'Platform', filters.platform, CONNECTION_KINDS.map((k) => ({ value: k, label: k })), (raw) => raw as Filters['platform'])}
      {select('source', 'Raised by', filters.source, [{ value: 'platform', label: 'people' }, { value: 'rule', label: 'alert rules only' }], (raw) => raw as Filters['source'])}
      {select('minReports', 'Reports', filters.minReports?.toString(), [2, 3, 5, 10].map((n) => ({ value: String(n), label: `${n} or more` })), Number)}
      {select('reportedWithinHours', 'Reported', filters.reportedWithinHours?.toString(), WITHIN.map((w) => ({ value: String(w.hours), label: w.label })), Number)}
      {select('syncState', 'Sync', filters.syncState, SYNC_STATES.map((s) => ({ value: s, label: s })), (raw) => raw as Filters['syncState'])}
      {narrowing > 0 && (
        <button type="button" className="mb-button jr-small" onClick={() => onChange({ status: filters.status })}>
          Clear {narrowing} {narrowing === 1 ? 'filter' : 'filters'}
        </button>
      )}
    </div>
  );
}
