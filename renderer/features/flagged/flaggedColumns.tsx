import type { AuthorStanding, FlaggedRow } from '@shared/domain/flagged';
import { TextCell, type DataTableColumn } from '../../ui/data-table';
import { formatAge } from '../../ui/format';
import { StatusPill } from '../../ui/StatusPill';
import { ExcerptCell } from './ExcerptCell';

/** "2 removals · 1 ban": what this desk did to the author before; empty when nothing. */
export function standingText(standing: AuthorStanding): string {
  const parts: string[] = [];
  if (standing.removals) parts.push(`${standing.removals} removal${standing.removals === 1 ? '' : 's'}`);
  if (standing.mutes) parts.push(`${standing.mutes} mute${standing.mutes === 1 ? '' : 's'}`);
  if (standing.bans) parts.push(`${standing.bans} ban${standing.bans === 1 ? '' : 's'}`);
  return parts.join(' · ');
}

export const flaggedColumns: readonly DataTableColumn<FlaggedRow>[] = [
  { id: 'excerpt', header: 'Message', size: 320, pinned: true, hideable: false, cell: (row) => <ExcerptCell text={row.excerpt} /> },
  { id: 'authorName', header: 'Author', size: 150, sortable: true, text: (row) => row.authorName },
  {
    id: 'standing',
    header: 'Standing',
    size: 130,
    cell: (row) => {
      const text = standingText(row.standing);
      return text ? <span className="mb-pill mb-pill--warn">{text}</span> : <span className="mb-muted">clean</span>;
    },
  },
  {
    id: 'communityName',
    header: 'Community',
    size: 170,
    sortable: true,
    text: (row) => (row.parentCommunityName ? `${row.communityName} · ${row.parentCommunityName}` : row.communityName),
  },
  {
    id: 'reasons',
    header: 'Reasons',
    size: 220,
    cell: (row) => (
      <span style={{ display: 'flex', gap: 4, minWidth: 0 }}>
        {row.ruleNames.length > 0 && (
          <span className="mb-pill mb-pill--warn" title={`Alert rule: ${row.ruleNames.join(', ').slice(0, 300)}`}>
            {row.source === 'rule' ? 'rule only' : 'rule'}
          </span>
        )}
        <TextCell value={row.reasons.join(', ')} />
      </span>
    ),
  },
  { id: 'reportCount', header: 'Reports', size: 72, sortable: true, align: 'end', text: (row) => row.reportCount },
  { id: 'lastReportedAt', header: 'Reported', size: 110, sortable: true, text: (row) => formatAge(row.lastReportedAt) },
  { id: 'status', header: 'Status', size: 170, cell: (row) => <StatusPill status={row.status} syncState={row.syncState} by={row.handledElsewhereBy} /> },
  { id: 'platform', header: 'Platform', size: 90, text: (row) => row.platform, hidden: true },
];
