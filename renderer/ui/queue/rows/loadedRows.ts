/** Rows around the focus scanned for the selection's loaded rows. */
const LOADED_SPAN = 500;

/**
 * The rows the window source holds near the focus: what the renderer can check (a
 * selection's platforms, their status) before asking main, which checks the rest.
 */
export function loadedRows<Row>(source: { readonly total: number; getRow(index: number): Row | undefined }, focusedIndex: number): Row[] {
  const rows: Row[] = [];
  for (let index = Math.max(0, focusedIndex - LOADED_SPAN); index < Math.min(source.total, focusedIndex + LOADED_SPAN); index++) {
    const row = source.getRow(index);
    if (row) rows.push(row);
  }
  return rows;
}
