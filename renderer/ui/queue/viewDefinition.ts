import { z } from 'zod';
import { MAX_SEARCH_LENGTH, type SortSpec } from '@shared/table/window';
import type { TableLayout } from '../data-table';

/** Everything a saved view of a queue restores. */
export interface QueueViewState<Filters> {
  readonly filters: Filters;
  readonly sort: readonly SortSpec[];
  readonly search: string;
  readonly layout: TableLayout | undefined;
}

/** How a queue's view state is stored as a saved view's definition, and read back. */
export interface QueueViewCodec<Filters> {
  toDefinition(state: QueueViewState<Filters>): Record<string, unknown>;
  /** Null when the definition is not one this version can read (older, edited, another queue's). */
  fromDefinition(definition: unknown): QueueViewState<Filters> | null;
  /** Whether the queue still shows what the view saved (layout included), to offer "Save changes". */
  sameViewState(a: QueueViewState<Filters>, b: QueueViewState<Filters>): boolean;
}

const ids = z.array(z.string().max(64)).max(100);
const layoutSchema = z.object({ order: ids, sizes: z.record(z.string().max(64), z.number().min(0).max(5000)), hidden: ids, pinned: ids });

/** Filters without unset keys (undefined, or an emptied text field), so two views that filter alike compare alike. */
export const compactFilters = <Filters extends object>(filters: Filters): Filters =>
  Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined && value !== '')) as Filters;

/**
 * The codec of one queue, from its contract's filters schema and sort columns. Main stores
 * any JSON object; what comes back is checked here, so an old or edited view cannot break the queue.
 */
export function queueViewCodec<Filters extends object>(filtersSchema: z.ZodType<Filters>, sortColumns: readonly [string, ...string[]]): QueueViewCodec<Filters> {
  const definitionSchema = z.object({
    filters: filtersSchema,
    sort: z.array(z.object({ column: z.enum(sortColumns), desc: z.boolean() })).max(3),
    search: z.string().max(MAX_SEARCH_LENGTH).default(''),
    layout: layoutSchema.optional(),
  });
  const toDefinition = (state: QueueViewState<Filters>): Record<string, unknown> => ({
    filters: compactFilters(state.filters),
    sort: state.sort.map(({ column, desc }) => ({ column, desc })),
    search: state.search,
    ...(state.layout ? { layout: state.layout } : {}),
  });
  return {
    toDefinition,
    fromDefinition(definition) {
      const parsed = definitionSchema.safeParse(definition);
      if (!parsed.success) return null;
      const { filters, sort, search, layout } = parsed.data;
      return { filters: compactFilters(filters), sort, search, layout };
    },
    sameViewState: (a, b) => JSON.stringify(toDefinition(a)) === JSON.stringify(toDefinition(b)),
  };
}
