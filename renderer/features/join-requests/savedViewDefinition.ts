import { z } from 'zod';
import { JOIN_REQUEST_SORT_COLUMNS, joinRequestFiltersSchema, type JoinRequestFilters } from '@shared/contract/tables';
import { MAX_SEARCH_LENGTH, type SortSpec } from '@shared/table/window';
import type { TableLayout } from '../../ui/data-table';
import { compact } from './filters';

/** Everything a saved view of this queue restores. */
export interface QueueViewState {
  readonly filters: JoinRequestFilters;
  readonly sort: readonly SortSpec[];
  readonly search: string;
  readonly layout: TableLayout | undefined;
}

const ids = z.array(z.string().max(64)).max(100);

/** Main stores any JSON object; what comes back is checked here, so an old or edited view cannot break the queue. */
const definitionSchema = z.object({
  filters: joinRequestFiltersSchema,
  sort: z.array(z.object({ column: z.enum(JOIN_REQUEST_SORT_COLUMNS), desc: z.boolean() })).max(3),
  search: z.string().max(MAX_SEARCH_LENGTH).default(''),
  layout: z
    .object({ order: ids, sizes: z.record(z.string().max(64), z.number().min(0).max(5000)), hidden: ids, pinned: ids })
    .optional(),
});

export function toDefinition(state: QueueViewState): Record<string, unknown> {
  return {
    filters: compact(state.filters),
    sort: state.sort.map(({ column, desc }) => ({ column, desc })),
    search: state.search,
    ...(state.layout ? { layout: state.layout } : {}),
  };
}

export function fromDefinition(definition: unknown): QueueViewState | null {
  const parsed = definitionSchema.safeParse(definition);
  if (!parsed.success) return null;
  const { filters, sort, search, layout } = parsed.data;
  return { filters: compact(filters), sort, search, layout };
}

/** Whether the queue still shows what the view saved (layout included), to offer "Save changes". */
export function sameViewState(a: QueueViewState, b: QueueViewState): boolean {
  return JSON.stringify(toDefinition(a)) === JSON.stringify(toDefinition(b));
}
