import type { FlagTarget } from '@shared/contract/flagged';
import type { FlaggedFilters } from '@shared/contract/tables';
import type { FlaggedRow } from '@shared/domain/flagged';
import { resolveSelection, type ResolvedSelection, type SelectionInput } from '../../ui/queue/selectionTarget';

/** An action's target as main takes it; its loaded `rows` decide (by platform) which actions are possible. */
export interface ResolvedFlagTarget extends Omit<ResolvedSelection<FlaggedFilters, FlaggedRow>, 'target'> {
  readonly target: FlagTarget;
}

export interface FlagTargetInput extends SelectionInput<FlaggedFilters, FlaggedRow> {
  /** Rows loaded near the focus, to find the selected ones and the focused author's others. */
  readonly loaded: readonly FlaggedRow[];
}

const NOUNS = { row: 'flag', focused: 'the focused message' };

/**
 * The selection when there is one, else the focused row; with `author`, every open flag
 * of the focused row's author (main finds them all; the loaded ones change at once).
 */
export function resolveFlagTarget(scope: 'target' | 'author', input: FlagTargetInput): ResolvedFlagTarget | null {
  if (scope === 'target') return resolveSelection(input, NOUNS);
  const focused = input.focusedRow;
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
