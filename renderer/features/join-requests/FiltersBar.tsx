import type { JoinRequestFilters } from '@shared/contract/tables';
import { CONNECTION_KINDS } from '@shared/domain/connection';
import { JOIN_REQUEST_STATUSES, JOIN_SIGNALS } from '@shared/domain/join-request';
import { compactFilters } from '../../ui/queue/viewDefinition';
import { ACCOUNT_AGE, ANY, applyPreset, clearNarrowing, CUSTOM, hasSignal, narrowingCount, presetIdOf, REQUEST_AGE, toggleSignal, type PresetGroup } from './filters';
import { SIGNAL_LABELS } from './signals';

interface Props {
  readonly filters: JoinRequestFilters;
  readonly onChange: (filters: JoinRequestFilters) => void;
}

function PresetSelect({ group, filters, onChange }: Props & { group: PresetGroup }) {
  const value = presetIdOf(group, filters);
  return (
    <select className="mb-select" aria-label={group.label} value={value} onChange={(event) => onChange(applyPreset(filters, group, event.target.value))}>
      <option value={ANY}>{group.label}: any</option>
      {group.presets.map((preset) => (
        <option key={preset.id} value={preset.id}>
          {group.label}: {preset.label}
        </option>
      ))}
      {value === CUSTOM && <option value={CUSTOM}>{group.label}: custom</option>}
    </select>
  );
}

/** Every filter of the queue; each maps onto `joinRequestFiltersSchema` and runs in SQL. */
export function FiltersBar({ filters, onChange }: Props) {
  const narrowing = narrowingCount(filters);
  return (
    <div className="jr-filters" role="group" aria-label="Filters">
      <select
        className="mb-select"
        aria-label="Status"
        value={filters.status ?? ''}
        onChange={(event) => onChange(compactFilters({ ...filters, status: (event.target.value || undefined) as JoinRequestFilters['status'] }))}
      >
        <option value="">Any status</option>
        {JOIN_REQUEST_STATUSES.map((status) => (
          <option key={status} value={status}>
            {status}
          </option>
        ))}
      </select>
      <select
        className="mb-select"
        aria-label="Platform"
        value={filters.platform ?? ''}
        onChange={(event) => onChange(compactFilters({ ...filters, platform: (event.target.value || undefined) as JoinRequestFilters['platform'] }))}
      >
        <option value="">Any platform</option>
        {CONNECTION_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {kind}
          </option>
        ))}
      </select>
      <PresetSelect group={ACCOUNT_AGE} filters={filters} onChange={onChange} />
      <PresetSelect group={REQUEST_AGE} filters={filters} onChange={onChange} />
      <select
        className="mb-select"
        aria-label="Answers"
        value={filters.answered ?? ''}
        onChange={(event) => onChange(compactFilters({ ...filters, answered: (event.target.value || undefined) as JoinRequestFilters['answered'] }))}
      >
        <option value="">Answered or not</option>
        <option value="answered">Answered</option>
        <option value="unanswered">Unanswered</option>
      </select>
      <span className="jr-signal-toggles" role="group" aria-label="Signals (all of)">
        {JOIN_SIGNALS.map((signal) => (
          <button
            key={signal}
            type="button"
            className="mb-pill jr-toggle"
            aria-pressed={hasSignal(filters, signal)}
            onClick={() => onChange(toggleSignal(filters, signal))}
          >
            {SIGNAL_LABELS[signal]}
          </button>
        ))}
      </span>
      {narrowing > 0 && (
        <button type="button" className="mb-button jr-small" onClick={() => onChange(clearNarrowing(filters))}>
          Clear {narrowing} {narrowing === 1 ? 'filter' : 'filters'}
        </button>
      )}
    </div>
  );
}
