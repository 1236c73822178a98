import { describeProblem } from '@shared/announcements/problem-text';
import type { PreviewRow } from '@shared/domain/announcements';
import { TextCell, type DataTableColumn } from '../../ui/data-table';
import { StatePill } from './StatePill';

const INDENT_PX = 14;

/** The preview table: every target with its exact text; `toggle` excludes a target or takes it back. */
export function previewColumns(toggle: (row: PreviewRow) => void): readonly DataTableColumn<PreviewRow>[] {
  return [
    {
      id: 'community',
      header: 'Target',
      size: 240,
      pinned: true,
      hideable: false,
      cell: (row) => (
        <span style={{ paddingInlineStart: row.depth * INDENT_PX, display: 'flex', minWidth: 0 }}>
          <TextCell value={row.communityName} />
        </span>
      ),
    },
    {
      id: 'status',
      header: 'Preflight',
      size: 260,
      cell: (row) => (
        <span className="mb-text" title={row.problems.map(describeProblem).join('\n') || undefined}>
          <StatePill state={row.status} />
          <TextCell value={row.status === 'excluded' ? 'not sent' : row.problems.map(describeProblem).join('; ')} />
        </span>
      ),
    },
    { id: 'text', header: 'Text it gets', size: 360, text: (row) => row.text },
    { id: 'length', header: 'Length', size: 100, align: 'end', text: (row) => (row.limit === null ? `${row.length}` : `${row.length} / ${row.limit}`) },
    { id: 'variant', header: 'Variant', size: 90, text: (row) => (row.variant === 'default' ? 'default' : `${row.variant}`) },
    { id: 'language', header: 'Language', size: 80, hidden: true, text: (row) => row.language ?? '' },
    { id: 'members', header: 'Members', size: 90, align: 'end', text: (row) => row.memberCount.toLocaleString() },
    { id: 'platform', header: 'Platform', size: 90, text: (row) => row.platform },
    { id: 'connection', header: 'Connection', size: 130, hidden: true, text: (row) => row.connectionName },
    {
      id: 'exclude',
      header: 'Send?',
      size: 100,
      cell: (row) => (
        <button
          type="button"
          className="mb-button an-small"
          tabIndex={-1}
          aria-label={`${row.status === 'excluded' ? 'Include' : 'Exclude'} ${row.communityName}`}
          onClick={() => toggle(row)}
        >
          {row.status === 'excluded' ? 'Include' : 'Exclude'}
        </button>
      ),
    },
  ];
}
