import type { KeyboardEvent, ReactNode } from 'react';
import type { SortSpec } from '@shared/table/window';
import type { SelectionState } from './selection';

/** Every body row is exactly this tall; the windowing math depends on it. */
export const ROW_HEIGHT = 28;
export const HEADER_HEIGHT = 30;

export type ColumnAlign = 'start' | 'center' | 'end';
export type CellText = string | number | null | undefined;

export interface DataTableColumnBase {
  /** Stable id: persisted in saved views and sent as the sort column. */
  readonly id: string;
  readonly header: string;
  readonly size?: number;
  readonly minSize?: number;
  readonly maxSize?: number;
  readonly sortable?: boolean;
  /** Pinned to the start edge in the default layout. */
  readonly pinned?: boolean;
  /** Hidden in the default layout. */
  readonly hidden?: boolean;
  /** Set false for columns the user may not hide (e.g. the subject). */
  readonly hideable?: boolean;
  readonly align?: ColumnAlign;
}

/**
 * A column is either plain text (rendered safely: text node, `dir="auto"`,
 * ellipsis, capped title) or a custom cell for badges and icons. Custom cells
 * that show user text should use `TextCell` to get the same protections.
 */
export type DataTableColumn<Row> = DataTableColumnBase &
  (
    | { readonly text: (row: Row) => CellText; readonly cell?: undefined }
    | { readonly cell: (row: Row, index: number) => ReactNode; readonly text?: undefined }
  );

/** Serializable column layout, stored by the app in saved views. */
export interface TableLayout {
  readonly order: readonly string[];
  readonly sizes: Readonly<Record<string, number>>;
  readonly hidden: readonly string[];
  readonly pinned: readonly string[];
}

/** What `useRowWindows` returns and `DataTable` reads rows from. */
export interface RowSource<Row> {
  /** The query the rows belong to; a change resets focus, selection and scroll. */
  readonly queryKey: string;
  readonly total: number;
  /** False until the first answer for the current query arrives. */
  readonly totalKnown: boolean;
  readonly loading: boolean;
  readonly error: Error | null;
  getRow(index: number): Row | undefined;
  /** Declares the rows on screen (inclusive); missing pages are fetched. */
  ensureRange(start: number, end: number): void;
  /** Rows start..end (inclusive), fetching what is missing; null if the query changed or a page failed. */
  loadRange(start: number, end: number): Promise<readonly Row[] | null>;
}

export interface TableKeyContext<Row> {
  readonly focusedIndex: number;
  readonly focusedRow: Row | undefined;
  readonly selection: SelectionState;
}

export interface DataTableProps<Row> {
  readonly ariaLabel: string;
  /** Keep stable (module scope or useMemo): a new array rebuilds the column model. */
  readonly columns: readonly DataTableColumn<Row>[];
  readonly getRowId: (row: Row) => string;
  readonly source: RowSource<Row>;
  readonly sort: readonly SortSpec[];
  readonly onSortChange: (sort: SortSpec[]) => void;
  readonly selection: SelectionState;
  readonly onSelectionChange: (selection: SelectionState) => void;
  /** Controlled when given; otherwise the table keeps focus itself and still reports changes. */
  readonly focusedIndex?: number;
  readonly onFocusChange?: (index: number) => void;
  readonly onActivate?: (row: Row, index: number) => void;
  /** Controlled when given; otherwise the table starts from the columns' defaults. */
  readonly layout?: TableLayout;
  readonly onLayoutChange?: (layout: TableLayout) => void;
  /**
   * Runs before the table's own keys. Call `event.preventDefault()` to claim a
   * key; the table then leaves it alone.
   */
  readonly onKeyDown?: (event: KeyboardEvent<HTMLElement>, context: TableKeyContext<Row>) => void;
  readonly emptyState?: ReactNode;
  /** Rendered at the start of the toolbar, before the Columns button. */
  readonly toolbar?: ReactNode;
}
