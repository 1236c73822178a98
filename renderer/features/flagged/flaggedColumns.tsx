import type { FlaggedRow } from '@shared/domain/flagged';
import type { DataTableColumn } from '../../ui/data-table';
import { formatAge } from '../../ui/format';
import { StatusPill } from '../../ui/StatusPill';

export const flaggedColumns: readonly DataTableColumn<FlaggedRow>[] = [
  { id: 'excerpt', header: 'Message', size: 340, pinned: true, hideable: false, text: (row) => row.excerpt },
  { id: 'authorName', header: 'Author', size: 160, sortable: true, text: (row) => row.authorName },
  { id: 'communityName', header: 'Community', size: 180, sortable: true, text: (row) => row.communityName },
  {
    id: 'reasons',
    header: 'Reasons',
    size: 200,
    text: (row) => (row.source === 'rule' ? `rule: ${row.reasons.join(', ')}` : row.reasons.join(', ')),
  },
  { id: 'reportCount', header: 'Reports', size: 80, sortable: true, align: 'end', text: (row) => row.reportCount },
  { id: 'lastReportedAt', header: 'Last reported', size: 120, sortable: true, text: (row) => formatAge(row.lastReportedAt) },
  { id: 'status', header: 'Status', size: 150, cell: (row) => <StatusPill status={row.status} syncState={row.syncState} /> },
];
