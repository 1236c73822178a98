import type { FlaggedFilters } from '@shared/contract/tables';
import type { FlagActionKind, FlaggedRow, FlagStatus } from '@shared/domain/flagged';

/**
 * What the moderator just did, applied to rows before main's refetch lands, so a decided
 * flag never shows as open for a frame. Entries are keyed locally (the action id comes
 * later) and dropped on failure, on undo, or once the refetch has surely landed.
 */
export interface FlagOverlayEntry {
  readonly key: number;
  readonly actionId: string | null;
  readonly status: FlagStatus;
  /** Flags acted on, each with its index in the page cache when acted on (where to look for it first). */
  readonly ids: ReadonlyMap<string, number>;
  /** The query the flags leave (actioned ones out of the open queue): hidden there at once, and only there. */
  readonly hideIn: string | null;
}

export const statusAfter = (action: FlagActionKind): FlagStatus => (action === 'dismiss' ? 'dismissed' : 'actioned');

/** True when flags taking `status` no longer match `filters`, so they leave the table. */
export const leavesQuery = (filters: FlaggedFilters, status: FlagStatus): boolean => filters.status !== undefined && filters.status !== status;

/** The row as it will be once main has it: decided, its pushes waiting. Only open rows change. */
export function overlayFlagRow(row: FlaggedRow, entries: readonly FlagOverlayEntry[]): FlaggedRow {
  if (row.status !== 'open') return row;
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i]!;
    if (entry.ids.has(row.id)) return { ...row, status: entry.status, syncState: 'pending-push', handledElsewhereBy: null };
  }
  return row;
}

/** Ids to take out of the table showing `queryKey`, with where to look for them. */
export function hiddenFlagIds(entries: readonly FlagOverlayEntry[], queryKey: string): ReadonlyMap<string, number> {
  const out = new Map<string, number>();
  for (const entry of entries) if (entry.hideIn === queryKey) for (const [id, hint] of entry.ids) out.set(id, hint);
  return out;
}
