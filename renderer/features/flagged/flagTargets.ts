import type { FlagTarget } from '@shared/contract/flagged';
import type { FlaggedFilters } from '@shared/contract/tables';
import type { FlaggedRow } from '@shared/domain/flagged';
import type { SelectionState } from '../../ui/data-table';

/** An action's target as main takes it, with what the UI needs to say and show about it. */
export interface ResolvedFlagTarget {
  readonly target: FlagTarget;
  /** Flags it reaches as far as the renderer knows; main reports the exact count. */
  readonly estimate: number;
  /** Flags known by id, hidden or recoloured at once; the rest follow the refetch. */
  readonly ids: readonly string[];
  /** The loaded rows among them: their platforms decide which actions are possible. */
  readonly rows: readonly FlaggedRow[];
  /** Every flag of the current query but these ("all" selected), else null. */
  readonly except: readonly string[] | null;
  readonly description: string;
}

export interface FlagTargetInput {
  readonly selection: SelectionState;
  readonly focusedRow: FlaggedRow | undefined;
  readonly filters: FlaggedFilters;
  readonly search: string;
  readonly total: number;
  /** Rows loaded near the focus, to find the selected ones and the focused author's others. */
  readonly loaded: readonly FlaggedRow[];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/**
 * The selection when there is one, else the focused row; with `author`, every open flag
 * of the focused row's author (main finds them all; the loaded ones change at once).
 */
export function resolveFlagTarget(scope: 'target' | 'author', input: FlagTargetInput): ResolvedFlagTarget | null {
  const focused = input.focusedRow;
  if (scope === 'author') {
    if (!focused?.authorMemberId) return null;
    const theirs = input.loaded.filter((row) => row.authorMemberId === focused.authorMemberId && row.status === 'open');
    const rows = theirs.some((row) => row.id === focused.id) ? theirs : [focused, ...theirs];
    return {
      target: { kind: 'author', flagId: focused.id },
      estimate: rows.length,
      ids: rows.map((row) => row.id),
      rows,
      except: null,
      description: `every open flag of ${focused.authorName.slice(0, 80)}`,
    };
  }
  const selected = input.selection.rows;
  if (selected.mode === 'all') {
    const except = [...selected.except];
    const estimate = Math.max(0, input.total - except.length);
    const search = input.search.trim();
    return {
      target: { kind: 'query', filters: input.filters, except, ...(search ? { search } : {}) },
      estimate,
      ids: [],
      rows: input.loaded.filter((row) => !selected.except.has(row.id)),
      except,
      description: `all ${plural(estimate, 'matching flag')}`,
    };
  }
  if (selected.ids.size > 0) {
    const ids = [...selected.ids];
    return {
      target: { kind: 'ids', ids },
      estimate: ids.length,
      ids,
      rows: input.loaded.filter((row) => selected.ids.has(row.id)),
      except: null,
      description: plural(ids.length, 'selected flag'),
    };
  }
  if (!focused) return null;
  return { target: { kind: 'ids', ids: [focused.id] }, estimate: 1, ids: [focused.id], rows: [focused], except: null, description: 'the focused message' };
}
