import type { CallInput } from '@shared/contract';
import type { JoinRequestFilters } from '@shared/contract/tables';

type WindowRequest = CallInput<'joinRequests.window'>;
type Sort = WindowRequest['sort'];

/** What the queue shows when it opens (renderer DEFAULT_VIEW). */
export const DEFAULT_FILTERS: JoinRequestFilters = { status: 'pending' };
export const DEFAULT_SORT: Sort = [{ column: 'requestedAt', desc: false }];
export const WINDOW_ROWS = 100;

export const request = (offset: number, sort: Sort = DEFAULT_SORT, filters: JoinRequestFilters = DEFAULT_FILTERS): WindowRequest => ({
  offset,
  limit: WINDOW_ROWS,
  sort,
  filters,
});

/** Every sort the queue's headers offer, each a new query. */
export const SORT_CHANGES: readonly Sort[] = [
  [{ column: 'personName', desc: false }],
  [{ column: 'personName', desc: true }],
  [{ column: 'communityName', desc: false }],
  [{ column: 'communityName', desc: true }],
  [{ column: 'accountCreatedAt', desc: false }],
  [{ column: 'accountCreatedAt', desc: true }],
  [{ column: 'requestedAt', desc: true }],
  [{ column: 'status', desc: false }],
];

/** The filter bar's choices, on top of "pending", each a new query. */
export function filterChanges(communityId: string): JoinRequestFilters[] {
  return [
    { status: 'pending', answered: 'unanswered' },
    { status: 'pending', answered: 'answered' },
    { status: 'pending', signals: ['link-in-answer'] },
    { status: 'pending', signals: ['cluster'] },
    { status: 'pending', accountAgeMaxDays: 30 },
    { status: 'pending', communityId },
    { status: 'pending', platform: 'sandbox' },
    { status: 'pending', signals: ['new-account', 'empty-answers'] },
  ];
}

export const describeSort = (sort: Sort) => sort.map((s) => `${s.column} ${s.desc ? 'desc' : 'asc'}`).join(', ');
export const describeFilters = (filters: JoinRequestFilters) =>
  Object.entries(filters)
    .filter(([key]) => key !== 'status')
    .map(([key, value]) => `${key}=${JSON.stringify(value)}`)
    .join(' ') || 'pending only';
