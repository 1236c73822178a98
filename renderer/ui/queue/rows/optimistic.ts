import type { SyncState } from '@shared/domain/join-request';

/**
 * What the moderator just decided, applied to rows before main's refetch lands, so a
 * decided row never shows as undecided for a frame. Entries are keyed locally (the action
 * id arrives later) and dropped on failure, on undo, or once the refetch has surely landed.
 * Generic over the queue's statuses: a join request leaves "pending", a flag leaves "open".
 */
export interface OptimisticEntry<Status extends string = string> {
  readonly key: number;
  readonly actionId: string | null;
  readonly status: Status;
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

/** A queue row the overlay can restate: its status and where its push stands. */
export interface DecidableRow {
  readonly id: string;
  readonly status: string;
  readonly syncState: SyncState;
  readonly handledElsewhereBy: string | null;
}

/** True when rows taking `status` no longer match `filters`, so they leave the table. */
export const leavesQuery = <Status extends string>(filters: { readonly status?: Status }, status: Status): boolean =>
  filters.status !== undefined && filters.status !== status;

/** The newest entry covering the row, if main's copy of it is still `undecided`. */
export function entryFor<Row extends DecidableRow>(
  row: Row,
  entries: readonly OptimisticEntry<Row['status']>[],
  queryKey: string,
  undecided: Row['status'],
): OptimisticEntry<Row['status']> | null {
  if (row.status !== undecided) return null;
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i]!;
    if (entry.ids.has(row.id)) return entry;
    if (entry.query && entry.query.queryKey === queryKey && !entry.query.except.has(row.id)) return entry;
  }
  return null;
}

/** The row as it will be once main has it: the new status, waiting to be pushed. Main's copy wins once it is decided. */
export function overlayRow<Row extends DecidableRow>(row: Row, entries: readonly OptimisticEntry<Row['status']>[], queryKey: string, undecided: Row['status']): Row {
  const entry = entries.length > 0 ? entryFor(row, entries, queryKey, undecided) : null;
  return entry ? { ...row, status: entry.status, syncState: 'pending-push', handledElsewhereBy: null } : row;
}

/** Ids to take out of the table showing `queryKey`, with where to look for them. Query-wide entries only recolour. */
export function hiddenIds(entries: readonly OptimisticEntry[], queryKey: string): ReadonlyMap<string, number> {
  const out = new Map<string, number>();
  for (const entry of entries) if (entry.hideIn === queryKey) for (const [id, hint] of entry.ids) out.set(id, hint);
  return out;
}

export const settleEntry = <E extends OptimisticEntry>(entries: readonly E[], key: number, actionId: string): E[] =>
  entries.map((entry) => (entry.key === key ? { ...entry, actionId } : entry));

export const dropEntry = <E extends OptimisticEntry>(entries: readonly E[], key: number): E[] => entries.filter((entry) => entry.key !== key);

export const dropAction = <E extends OptimisticEntry>(entries: readonly E[], actionId: string): E[] => entries.filter((entry) => entry.actionId !== actionId);
