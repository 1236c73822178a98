import type { CommunityRow } from '@shared/domain/community';
import { TextCell, type DataTableColumn } from '../../ui/data-table';
import { formatAge } from '../../ui/format';

const INDENT_PX = 16;

export const communityColumns: readonly DataTableColumn<CommunityRow>[] = [
  {
    id: 'tree',
    header: 'Community',
    size: 300,
    sortable: true,
    pinned: true,
    hideable: false,
    cell: (row) => (
      <span style={{ paddingInlineStart: row.depth * INDENT_PX, display: 'flex', minWidth: 0 }}>
        {row.depth > 0 && <span aria-hidden="true" className="mb-muted">└&nbsp;</span>}
        <TextCell value={row.name} />
      </span>
    ),
  },
  { id: 'platform', header: 'Platform', size: 100, sortable: true, text: (row) => row.platform },
  { id: 'connection', header: 'Connection', size: 140, text: (row) => row.connectionName, hidden: true },
  { id: 'kind', header: 'Kind', size: 110, text: (row) => row.kind },
  { id: 'parent', header: 'Part of', size: 180, text: (row) => row.parentName ?? '' },
  { id: 'memberCount', header: 'Members', size: 90, sortable: true, align: 'end', text: (row) => row.memberCount.toLocaleString() },
  {
    id: 'pendingJoinRequests',
    header: 'Pending requests',
    size: 130,
    sortable: true,
    align: 'end',
    text: (row) => row.pendingJoinRequests.toLocaleString(),
  },
  { id: 'openFlags', header: 'Open flags', size: 100, sortable: true, align: 'end', text: (row) => row.openFlags.toLocaleString() },
  { id: 'tags', header: 'Tags', size: 160, text: (row) => row.tags.join(', ') },
  { id: 'language', header: 'Language', size: 90, text: (row) => row.language ?? '' },
  { id: 'updatedAt', header: 'Updated', size: 120, sortable: true, text: (row) => formatAge(row.updatedAt) },
];
