import { z } from 'zod';
import { FLAGGED_SORT_COLUMNS, flaggedFiltersSchema, type FlaggedFilters } from '@shared/contract/tables';
import { MAX_SEARCH_LENGTH, type SortSpec } from '@shared/table/window';
import type { TableLayout } from '../../ui/data-table';

/** Everything a saved view of the flagged queue restores. */
export interface FlaggedViewState {
  readonly filters: FlaggedFilters;
  readonly sort: readonly SortSpec[];
  readonly search: string;
  readonly layout: TableLayout | undefined;
}

const ids = z.array(z.string().max(64)).max(100);

/** Main stores any JSON object; what comes back is checked here, so an old or edited view cannot break the queue. */
const definitionSchema = z.object({
  filters: flaggedFiltersSchema,
  sort: z.array(z.object({ column: z.enum(FLAGGED_SORT_COLUMNS), desc: z.boolean() })).max(3),
  search: z.string().max(MAX_SEARCH_LENGTH).default(''),
  layout: z
    .object({ order: ids, sizes: z.record(z.string().max(64), z.number().min(0).max(5000)), hidden: ids, pinned: ids })
    .optional(),
});

/** Filters without unset keys, so two views that filter alike compare alike. */
export const compactFilters = (filters: FlaggedFilters): FlaggedFilters =>
  Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined && value !== '')) as FlaggedFilters;

export function toDefinition(state: FlaggedViewState): Record<string, unknown> {
  return {
    filters: compactFilters(state.filters),
    sort: state.sort.map(({ column, desc }) => ({ column, desc })),
    search: state.search,
    ...(state.layout ? { layout: state.layout } : {}),
  };
}

export function fromDefinition(definition: unknown): FlaggedViewState | null {
  const parsed = definitionSchema.safeParse(definition);
  if (!parsed.success) return null;
  const { filters, sort, search, layout } = parsed.data;
  return { filters: compactFilters(filters), sort, search, layout };
}

export const sameViewState = (a: FlaggedViewState, b: FlaggedViewState): boolean => JSON.stringify(toDefinition(a)) === JSON.stringify(toDefinition(b));
