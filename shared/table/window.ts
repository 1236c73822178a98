import { z } from 'zod';

/**
 * A window of rows from a queue that may hold a million items. The renderer asks
 * for the slice it shows; sort, filter and full-text search run in SQLite.
 */
export interface SortSpec<C extends string = string> {
  readonly column: C;
  readonly desc: boolean;
}

export interface WindowRequest<C extends string, F> {
  readonly offset: number;
  readonly limit: number;
  readonly sort: readonly SortSpec<C>[];
  readonly search?: string | undefined;
  readonly filters: F;
}

export interface RowWindow<R> {
  readonly rows: readonly R[];
  /** Rows matching the query in total (not just this window). */
  readonly total: number;
  readonly offset: number;
}

export const MAX_WINDOW_ROWS = 500;
export const MAX_SEARCH_LENGTH = 400;

/** Builds the zod schema of a table's window request from its sortable columns and filters. */
export function windowRequestSchema<C extends readonly [string, ...string[]], F extends z.ZodType>(
  sortableColumns: C,
  filters: F,
) {
  return z
    .object({
      offset: z.number().int().min(0).max(50_000_000),
      limit: z.number().int().min(1).max(MAX_WINDOW_ROWS),
      sort: z
        .array(z.object({ column: z.enum(sortableColumns), desc: z.boolean() }).strict())
        .max(3),
      search: z.string().max(MAX_SEARCH_LENGTH).optional(),
      filters,
    })
    .strict();
}
