import type { JoinTarget } from '@shared/contract/join-requests';
import type { JoinRequestFilters } from '@shared/contract/tables';
import type { JoinRequestRow } from '@shared/domain/join-request';
import type { SelectionState } from '../../ui/data-table';

/** A decision's target as main takes it, with what the UI needs to say and show about it. */
export interface ResolvedTarget {
  readonly target: JoinTarget;
  /** Rows it reaches as far as the renderer knows; main reports the exact count. */
  readonly estimate: number;
  /** Rows known by id, hidden or recoloured at once; the rest follow the refetch. */
  readonly ids: readonly string[];
  /** Every row of the current query but `except`. */
  readonly except: readonly string[] | null;
  readonly description: string;
}

export interface TargetInput {
  readonly selection: SelectionState;
  readonly focusedRow: JoinRequestRow | undefined;
  readonly filters: JoinRequestFilters;
  readonly search: string;
  readonly total: number;
  readonly cluster: { readonly key: string; readonly size: number } | null;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** The selection when there is one, else the focused row; with `cluster`, the focused row's cluster. */
export function resolveTarget(scope: 'target' | 'cluster', input: TargetInput): ResolvedTarget | null {
  if (scope === 'cluster') {
    if (!input.cluster) return null;
    return {
      target: { kind: 'cluster', clusterKey: input.cluster.key },
      estimate: input.cluster.size,
      ids: input.focusedRow ? [input.focusedRow.id] : [],
      except: null,
      description: `the cluster of ${plural(input.cluster.size, 'request')}`,
    };
  }
  const rows = input.selection.rows;
  if (rows.mode === 'all') {
    const except = [...rows.except];
    const estimate = Math.max(0, input.total - except.length);
    const search = input.search.trim();
    return {
      target: { kind: 'query', filters: input.filters, except, ...(search ? { search } : {}) },
      estimate,
      ids: [],
      except,
      description: `all ${plural(estimate, 'matching request')}`,
    };
  }
  if (rows.ids.size > 0) {
    const ids = [...rows.ids];
    return { target: { kind: 'ids', ids }, estimate: ids.length, ids, except: null, description: plural(ids.length, 'selected request') };
  }
  if (!input.focusedRow) return null;
  return {
    target: { kind: 'ids', ids: [input.focusedRow.id] },
    estimate: 1,
    ids: [input.focusedRow.id],
    except: null,
    description: 'the focused request',
  };
}
