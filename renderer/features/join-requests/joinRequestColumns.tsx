import type { JoinRequestRow } from '@shared/domain/join-request';
import { TextCell, type DataTableColumn } from '../../ui/data-table';
import { formatAge, formatDuration } from '../../ui/format';
import { StatusPill } from '../../ui/StatusPill';
import { SignalsCell } from './SignalsCell';

/** The first letter or digit: a name may start with a bidi override or a zero-width character. */
export const initialOf = (name: string) => (/[\p{L}\p{N}]/u.exec(name)?.[0] ?? '?').toUpperCase();

export const joinRequestColumns: readonly DataTableColumn<JoinRequestRow>[] = [
  {
    id: 'personName',
    header: 'Person',
    size: 200,
    sortable: true,
    pinned: true,
    hideable: false,
    cell: (row) => (
      <span style={{ display: 'flex', gap: 6, minWidth: 0 }}>
        <span aria-hidden="true" className="mb-pill">{initialOf(row.personName)}</span>
        <TextCell value={row.personName} />
      </span>
    ),
  },
  {
    id: 'communityName',
    header: 'Community',
    size: 200,
    sortable: true,
    text: (row) => (row.parentCommunityName ? `${row.communityName} · ${row.parentCommunityName}` : row.communityName),
  },
  { id: 'requestedAt', header: 'Requested', size: 110, sortable: true, text: (row) => formatAge(row.requestedAt) },
  {
    id: 'accountCreatedAt',
    header: 'Account age',
    size: 100,
    sortable: true,
    text: (row) => (row.accountCreatedAt ? formatDuration(Date.now() - row.accountCreatedAt) : 'unknown'),
  },
  { id: 'firstAnswer', header: 'Answer', size: 260, text: (row) => row.firstAnswer || '(no answer)' },
  {
    id: 'signals',
    header: 'Signals',
    size: 240,
    cell: (row) => <SignalsCell row={row} />,
  },
  {
    id: 'status',
    header: 'Status',
    size: 170,
    sortable: true,
    cell: (row) => <StatusPill status={row.status} syncState={row.syncState} by={row.handledElsewhereBy} />,
  },
  { id: 'platform', header: 'Platform', size: 90, text: (row) => row.platform, hidden: true },
];
