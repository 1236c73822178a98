import type { JoinTarget } from '@shared/contract/join-requests';
import type { JoinRequestFilters } from '@shared/contract/tables';
import type { JoinRequestRow } from '@shared/domain/join-request';
import { plural, resolveSelection, type ResolvedSelection, type SelectionInput } from '../../ui/queue/selectionTarget';

/** A decision's target as main takes it (the selection, the focused row, or its cluster), with what the UI says about it. */
export interface ResolvedTarget extends Omit<ResolvedSelection<JoinRequestFilters, JoinRequestRow>, 'target'> {
  readonly target: JoinTarget;
}

export interface TargetInput extends SelectionInput<JoinRequestFilters, JoinRequestRow> {
  readonly cluster: { readonly key: string; readonly size: number } | null;
}

const NOUNS = { row: 'request', focused: 'the focused request' };

/** The selection when there is one, else the focused row; with `cluster`, the focused row's cluster. */
export function resolveTarget(scope: 'target' | 'cluster', input: TargetInput): ResolvedTarget | null {
  if (scope === 'target') return resolveSelection(input, NOUNS);
  if (!input.cluster) return null;
  return {
    target: { kind: 'cluster', clusterKey: input.cluster.key },
    estimate: input.cluster.size,
    ids: input.focusedRow ? [input.focusedRow.id] : [],
    rows: input.focusedRow ? [input.focusedRow] : [],
    except: null,
    description: `the cluster of ${plural(input.cluster.size, 'request')}`,
  };
}
