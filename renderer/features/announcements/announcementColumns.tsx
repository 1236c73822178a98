import type { AnnouncementRow } from '@shared/domain/announcements';
import { TextCell, type DataTableColumn } from '../../ui/data-table';
import { formatAge } from '../../ui/format';
import { formatTime } from './format';
import { StatePill } from './StatePill';

export const announcementColumns: readonly DataTableColumn<AnnouncementRow>[] = [
  { id: 'title', header: 'Announcement', size: 260, sortable: true, pinned: true, hideable: false, cell: (row) => <TextCell value={row.title} /> },
  { id: 'status', header: 'Status', size: 100, sortable: true, cell: (row) => <StatePill state={row.status} /> },
  {
    id: 'progress',
    header: 'Delivered',
    size: 110,
    align: 'end',
    text: (row) => (row.deliveries === 0 ? '' : `${row.sent}/${row.deliveries}${row.failed > 0 ? ` · ${row.failed} failed` : ''}`),
  },
  { id: 'scheduledAt', header: 'Scheduled', size: 150, hidden: true, text: (row) => (row.scheduledAt === null ? '' : formatTime(row.scheduledAt)) },
  { id: 'updatedAt', header: 'Changed', size: 110, sortable: true, text: (row) => formatAge(row.updatedAt) },
];
