import type { JoinRequestFilters } from '@shared/contract/tables';
import type { JoinDecisionKind } from '@shared/domain/decisions';
import type { JoinRequestRow, JoinRequestStatus } from '@shared/domain/join-request';

/**
 * What the moderator just decided, applied to rows before main's refetch lands, so a
 * decided row never shows as pending for a frame. Entries are keyed locally (the action
 * id arrives later) and dropped on failure, on undo, or once the refetch has surely landed.
 */
export interface OptimisticEntry {
  readonly key: number;
  readonly actionId: string | null;
  readonly status: JoinRequestStatus;
  /**
   * Rows decided by id, each with its index in the page cache when decided (where to look
   * for it first). A "matching the query" decision covers every row of `queryKey` but `except`.
   */
  readonly ids: ReadonlyMap<string, number>;
  readonly query: { readonly queryKey: string; readonly except: ReadonlySet<string> } | null;
  /**
   * The query the rows leave (approved rows out of the pending queue): hidden there at once.
   * Only there: under another query (say, approved ones) the same rows belong.
   */
  readonly hideIn: string | null;
}

export function statusAfter(decision: JoinDecisionKind): JoinRequestStatus {
  switch (decision) {
    case 'approve':
      return 'approved';
    case 'decline':
    case 'decline-ban':
      return 'declined';
    case 'snooze':
      return 'snoozed';
  }
}

/** True when rows taking `status` no longer match `filters`, so they leave the table. */
export const leavesQuery = (filters: JoinRequestFilters, status: JoinRequestStatus): boolean =>
  filters.status !== undefined && filters.status !== status;

/** The newest entry covering the row, if main's copy of it still says pending. */
export function entryFor(row: JoinRequestRow, entries: readonly OptimisticEntry[], queryKey: string): OptimisticEntry | null {
  if (row.status !== 'pending') return null;
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i]!;
    if (entry.ids.has(row.id)) return entry;
    if (entry.query && entry.query.queryKey === queryKey && !entry.query.except.has(row.id)) return entry;
  }
  return null;
}

/** The row as it will be once main has it: the new status, waiting to be pushed. */
export function overlayRow(row: JoinRequestRow, entries: readonly OptimisticEntry[], queryKey: string): JoinRequestRow {
  const entry = entries.length > 0 ? entryFor(row, entries, queryKey) : null;
  return entry ? { ...row, status: entry.status, syncState: 'pending-push', handledElsewhereBy: null } : row;
}

/** Ids to take out of the table showing `queryKey`, with where to look for them. Query-wide entries only recolour. */
export function hiddenIds(entries: readonly OptimisticEntry[], queryKey: string): ReadonlyMap<string, number> {
  const out = new Map<string, number>();
  for (const entry of entries) if (entry.hideIn === queryKey) for (const [id, hint] of entry.ids) out.set(id, hint);
  return out;
}

export const settleEntry = (entries: readonly OptimisticEntry[], key: number, actionId: string) =>
  entries.map((entry) => (entry.key === key ? { ...entry, actionId } : entry));

export const dropEntry = (entries: readonly OptimisticEntry[], key: number) => entries.filter((entry) => entry.key !== key);

export const dropAction = (entries: readonly OptimisticEntry[], actionId: string) =>
  entries.filter((entry) => entry.actionId !== actionId);
