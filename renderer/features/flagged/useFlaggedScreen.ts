import { useState, type KeyboardEvent, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import type { FlaggedFilters } from '@shared/contract/tables';
import type { FlagActionKind } from '@shared/domain/flagged';
import { isTextEntry } from '../../ui/dialog';
import { useDebouncedValue } from '../../ui/useDebouncedValue';
import { useConfirmBulkOver } from '../join-requests/useConfirmBulkOver';
import { actionBlocks } from './availability';
import { useActionFlow } from './useActionFlow';
import { useCapabilities } from './useCapabilities';
import { useFlaggedKeys } from './useFlaggedKeys';
import { useFlaggedQueue } from './useFlaggedQueue';
import { useFlaggedSavedViews } from './useFlaggedSavedViews';
import { compactFilters } from './viewDefinition';

/** j/k through the queue should not fetch a conversation per row passed. */
const DETAIL_DEBOUNCE_MS = 120;

interface ScreenRefs {
  /** The conversation pane, focused by Enter. */
  readonly paneRef: RefObject<HTMLElement | null>;
  /** Holds the table, whose grid Escape and the search field return to. */
  readonly tableRef: RefObject<HTMLDivElement | null>;
}

export type Panel = 'none' | 'recent' | 'rules';

/** Everything the Flagged screen wires together; the view only lays it out. */
export function useFlaggedScreen({ paneRef, tableRef }: ScreenRefs) {
  const queue = useFlaggedQueue();
  const views = useFlaggedSavedViews(queue);
  const capabilities = useCapabilities();
  const flow = useActionFlow({ queue, blocksFor: (resolved) => actionBlocks(resolved.rows, capabilities), confirmBulkOver: useConfirmBulkOver() });
  const focusedRow = queue.focus.focusedRow;
  const detailId = useDebouncedValue(focusedRow?.id ?? null, DETAIL_DEBOUNCE_MS);
  const [detailOpen, setDetailOpen] = useState(true);
  const [panel, setPanel] = useState<Panel>('none');
  const [exporting, setExporting] = useState<string | null>(null);

  const focusTable = () => tableRef.current?.querySelector<HTMLElement>('[role="grid"]')?.focus();
  const openDetail = () => {
    flushSync(() => setDetailOpen(true));
    paneRef.current?.focus();
  };
  const toggle = (which: Panel) => setPanel((open) => (open === which ? 'none' : which));

  /** "N new": take them in, and go where they are (the end when oldest first, else the top). */
  const showNew = () => {
    const { arrivals, sort, source, focus } = queue;
    const arrived = arrivals.count;
    arrivals.acknowledge();
    const oldestFirst = sort[0]?.column === 'lastReportedAt' && !sort[0].desc;
    focus.onFocusChange(oldestFirst && arrived > 0 ? Math.max(0, source.total - arrived) : 0);
    focusTable();
  };

  const exportCase = () => {
    if (focusedRow) setExporting(focusedRow.id);
    else flow.say('No flagged message to export.');
  };

  const onQueueKey = useFlaggedKeys({
    act: flow.start,
    undo: () => void flow.undo(),
    toggleRecent: () => toggle('recent'),
    showNew,
    exportCase,
    openSavedView: views.openIndex,
  });

  /** From a button: the grid takes focus first, so the flow and any dialog return there, ready for the next key. */
  const actFromButton = (action: FlagActionKind, scope: 'target' | 'author') => {
    focusTable();
    flow.start(action, scope);
  };

  const onPaneKey = (event: KeyboardEvent<HTMLElement>) => {
    if (isTextEntry(event.target)) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      focusTable();
      return;
    }
    onQueueKey(event);
  };

  const closePanel = () => {
    setPanel('none');
    focusTable();
  };

  return {
    queue,
    views,
    capabilities,
    flow,
    detailId,
    detailOpen,
    openDetail,
    closeDetail: () => {
      setDetailOpen(false);
      focusTable();
    },
    panel,
    toggleRecent: () => toggle('recent'),
    toggleRules: () => toggle('rules'),
    closePanel,
    exporting,
    exportCase,
    closeExport: () => {
      setExporting(null);
      focusTable();
    },
    focusTable,
    showNew,
    actFromButton,
    onQueueKey,
    onPaneKey,
    setFilters: (filters: FlaggedFilters) => queue.setFilters(compactFilters(filters)),
  };
}
