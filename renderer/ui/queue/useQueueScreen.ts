import { useState, type KeyboardEvent, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import type { SortSpec } from '@shared/table/window';
import { isTextEntry } from '../dialog';

export interface QueueScreenRefs {
  /** The detail pane, focused by Enter. */
  readonly paneRef: RefObject<HTMLElement | null>;
  /** Holds the table, whose grid Escape and the search field return to. */
  readonly tableRef: RefObject<HTMLDivElement | null>;
}

interface ArrivingQueue {
  readonly sort: readonly SortSpec[];
  readonly source: { readonly total: number };
  readonly focus: { readonly onFocusChange: (index: number) => void };
  readonly arrivals: { readonly count: number; readonly acknowledge: () => void };
}

/** Where "N new" rows are: at the end when the queue is sorted oldest first by arrival, else at the top. */
export function newRowsIndex(sort: readonly SortSpec[], arrivalColumn: string, arrived: number, total: number): number {
  const oldestFirst = sort[0]?.column === arrivalColumn && !sort[0].desc;
  return oldestFirst && arrived > 0 ? Math.max(0, total - arrived) : 0;
}

/**
 * The moves every queue screen makes between its table and its detail pane: focus the
 * grid, open (Enter) and close the pane, bring in new rows, and the pane's keys.
 * `arrivalColumn` is the column new rows sort by (requestedAt, lastReportedAt).
 */
export function useQueueScreen({ paneRef, tableRef }: QueueScreenRefs, queue: ArrivingQueue, arrivalColumn: string) {
  const [detailOpen, setDetailOpen] = useState(true);
  const focusTable = () => tableRef.current?.querySelector<HTMLElement>('[role="grid"]')?.focus();

  /** "N new": take them in, and go where they are. */
  const showNew = () => {
    const arrived = queue.arrivals.count;
    queue.arrivals.acknowledge();
    queue.focus.onFocusChange(newRowsIndex(queue.sort, arrivalColumn, arrived, queue.source.total));
    focusTable();
  };

  /** The pane's keys: its text fields keep theirs, Escape goes back to the table, the rest are the queue's. */
  const paneKeys = (onQueueKey: (event: KeyboardEvent<HTMLElement>) => void) => (event: KeyboardEvent<HTMLElement>) => {
    if (isTextEntry(event.target)) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      focusTable();
      return;
    }
    onQueueKey(event);
  };

  return {
    focusTable,
    detailOpen,
    openDetail: () => {
      flushSync(() => setDetailOpen(true));
      paneRef.current?.focus();
    },
    closeDetail: () => {
      setDetailOpen(false);
      focusTable();
    },
    showNew,
    paneKeys,
  };
}
