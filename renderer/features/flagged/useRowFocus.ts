import { useCallback, useMemo, useState } from 'react';
import type { RowSource } from '../../ui/data-table';
import { locateFocus, type FocusAnchor } from '../join-requests/focus';

/**
 * The table's focus kept on a row rather than an index (join-requests/focus.ts): rows
 * arriving above or leaving move the index with its row in the same render.
 */
export function useRowFocus<Row extends { readonly id: string }>(source: RowSource<Row>) {
  const [anchor, setAnchor] = useState<FocusAnchor>({ id: null, index: 0 });
  const focusedIndex = useMemo(() => locateFocus(anchor, (index) => source.getRow(index)?.id, source.total), [anchor, source]);
  const onFocusChange = useCallback((index: number) => setAnchor({ id: source.getRow(index)?.id ?? null, index }), [source]);
  return { focusedIndex, focusedRow: source.getRow(focusedIndex), onFocusChange, setAnchor };
}
