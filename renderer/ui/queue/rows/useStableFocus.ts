import { useCallback, useMemo, useState } from 'react';
import type { RowSource } from '../../data-table';
import { locateFocus, type FocusAnchor } from './focus';

/**
 * The table's focus, kept on a row rather than an index: when rows arrive above it or
 * leave (decided here or elsewhere), the focused index follows its row in the same
 * render, so there is no frame with focus on the wrong row. See focus.ts.
 */
export function useStableFocus<Row extends { readonly id: string }>(source: RowSource<Row>) {
  const [anchor, setAnchor] = useState<FocusAnchor>({ id: null, index: 0 });
  const focusedIndex = useMemo(() => locateFocus(anchor, (index) => source.getRow(index)?.id, source.total), [anchor, source]);
  const onFocusChange = useCallback((index: number) => setAnchor({ id: source.getRow(index)?.id ?? null, index }), [source]);
  return { focusedIndex, focusedRow: source.getRow(focusedIndex), onFocusChange, setAnchor };
}
