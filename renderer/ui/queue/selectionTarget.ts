import type { SelectionState } from '../data-table';

/** What a decision on the selection (or the focused row) reaches, as main takes it. */
export type SelectionTargetInput<Filters> =
  | { readonly kind: 'ids'; readonly ids: string[] }
  /** Every row of the query but `except` ("all" selected, some unticked). */
  | { readonly kind: 'query'; readonly filters: Filters; readonly except: string[]; readonly search?: string };

/** A target with what the UI needs to say and show about it. */
export interface ResolvedSelection<Filters, Row> {
  readonly target: SelectionTargetInput<Filters>;
  /** Rows it reaches as far as the renderer knows; main reports the exact count. */
  readonly estimate: number;
  /** Rows known by id, hidden or recoloured at once; the rest follow the refetch. */
  readonly ids: readonly string[];
  /** The loaded rows among them (what the renderer can check before asking main). */
  readonly rows: readonly Row[];
  /** Every row of the current query but these ("all" selected), else null. */
  readonly except: readonly string[] | null;
  /** "the focused request", "3 selected flags", "all 40 matching requests". */
  readonly description: string;
}

export interface SelectionInput<Filters, Row> {
  readonly selection: SelectionState;
  readonly focusedRow: Row | undefined;
  readonly filters: Filters;
  readonly search: string;
  readonly total: number;
  /** Rows loaded near the focus, to find the selected ones among them. */
  readonly loaded?: readonly Row[];
}

/** How a queue names its rows: `request` ("2 selected requests"), and the focused one ("the focused message"). */
export interface RowNouns {
  readonly row: string;
  readonly focused: string;
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** The selection when there is one ("all" becomes the query minus the unticked), else the focused row; null when neither. */
export function resolveSelection<Filters, Row extends { readonly id: string }>(input: SelectionInput<Filters, Row>, nouns: RowNouns): ResolvedSelection<Filters, Row> | null {
  const selected = input.selection.rows;
  const loaded = input.loaded ?? [];
  if (selected.mode === 'all') {
    const except = [...selected.except];
    const estimate = Math.max(0, input.total - except.length);
    const search = input.search.trim();
    return {
      target: { kind: 'query', filters: input.filters, except, ...(search ? { search } : {}) },
      estimate,
      ids: [],
      rows: loaded.filter((row) => !selected.except.has(row.id)),
      except,
      description: `all ${plural(estimate, `matching ${nouns.row}`)}`,
    };
  }
  if (selected.ids.size > 0) {
    const ids = [...selected.ids];
    return {
      target: { kind: 'ids', ids },
      estimate: ids.length,
      ids,
      rows: loaded.filter((row) => selected.ids.has(row.id)),
      except: null,
      description: plural(ids.length, `selected ${nouns.row}`),
    };
  }
  const focused = input.focusedRow;
  if (!focused) return null;
  return { target: { kind: 'ids', ids: [focused.id] }, estimate: 1, ids: [focused.id], rows: [focused], except: null, description: nouns.focused };
}
