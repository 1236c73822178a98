import { selectedCount, type SelectionState } from '../data-table';

/** The header's count: "1,204 pending · 3 selected"; undefined until main has counted. */
export function queueCount(source: { readonly total: number; readonly totalKnown: boolean }, status: string | undefined, selection: SelectionState): string | undefined {
  if (!source.totalKnown) return undefined;
  const selected = selectedCount(selection, source.total);
  return `${source.total.toLocaleString()} ${status ?? 'in all states'}${selected ? ` · ${selected.toLocaleString()} selected` : ''}`;
}
