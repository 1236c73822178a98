import { useState, type KeyboardEvent, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import type { JoinRequestFilters } from '@shared/contract/tables';
import type { JoinDecisionKind } from '@shared/domain/decisions';
import { isTextEntry } from '../../ui/dialog';
import { useDebouncedValue } from '../../ui/useDebouncedValue';
import { focusedCluster, toggledCluster } from './clusters';
import { compact, withCommunity, type CommunityChoice } from './filters';
import { useConfirmBulkOver } from './useConfirmBulkOver';
import { useDecisionFlow } from './useDecisionFlow';
import { useJoinRequestQueue } from './useJoinRequestQueue';
import { useQueueKeys } from './useQueueKeys';
import { useQueueSavedViews } from './useQueueSavedViews';
import { useReasons } from './useReasons';
import { useRequestDetail } from './useRequestDetail';

/** j/k through the queue should not fetch a detail per row passed. */
const DETAIL_DEBOUNCE_MS = 120;

interface ScreenRefs {
  /** The detail pane, focused by Enter. */
  readonly paneRef: RefObject<HTMLElement | null>;
  /** Holds the table, whose grid Escape and the search field return to. */
  readonly tableRef: RefObject<HTMLDivElement | null>;
}

/** Everything the Join requests screen wires together; the view only lays it out. */
export function useJoinRequestsScreen({ paneRef, tableRef }: ScreenRefs) {
  const queue = useJoinRequestQueue();
  const views = useQueueSavedViews(queue);
  const reasons = useReasons();
  const focusedId = queue.focus.focusedRow?.id ?? null;
  const detailId = useDebouncedValue(focusedId, DETAIL_DEBOUNCE_MS);
  const detail = useRequestDetail(detailId);
  const current = detail.detail?.id === focusedId ? detail.detail : undefined;
  const cluster = focusedCluster(queue.focus.focusedRow, current, queue.filters, queue.source.total);
  const flow = useDecisionFlow({ queue, cluster, confirmBulkOver: useConfirmBulkOver() });
  const [detailOpen, setDetailOpen] = useState(true);
  const [recentOpen, setRecentOpen] = useState(false);
  const [rulesOpen, setRulesOpen] = useState(false);

  const focusTable = () => tableRef.current?.querySelector<HTMLElement>('[role="grid"]')?.focus();
  const openDetail = () => {
    flushSync(() => setDetailOpen(true));
    paneRef.current?.focus();
  };

  /** "N new": take them in, and go where they are (the end when oldest-first, else the top). */
  const showNew = () => {
    const { arrivals, sort, source, focus } = queue;
    const arrived = arrivals.count;
    arrivals.acknowledge();
    const oldestFirst = sort[0]?.column === 'requestedAt' && !sort[0].desc;
    focus.onFocusChange(oldestFirst && arrived > 0 ? Math.max(0, source.total - arrived) : 0);
    focusTable();
  };

  /** `c`, or a row's "cluster of N": the queue shows just that cluster (the focused row stays focused); again, everything. */
  const toggleCluster = () => {
    const next = toggledCluster(queue.filters, queue.focus.focusedRow);
    if (next) queue.setFilters(next);
    else flow.notify('The focused request is not part of a cluster.');
  };
  const showCluster = (clusterKey: string) => {
    queue.setFilters(compact({ ...queue.filters, clusterKey }));
    focusTable();
  };

  const onQueueKey = useQueueKeys({
    decide: flow.start,
    undo: () => void flow.undo(),
    toggleRecent: () => setRecentOpen((open) => !open),
    showNew,
    toggleCluster,
    openRules: () => setRulesOpen(true),
    openSavedView: views.openIndex,
  });

  /** From a button: the grid takes focus first, so the flow and any dialog return there, ready for the next key. */
  const decideFromButton = (decision: JoinDecisionKind, scope: 'target' | 'cluster') => {
    focusTable();
    flow.start(decision, scope);
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

  return {
    queue,
    views,
    reasons,
    detail: { ...detail, requestId: focusedId, current },
    flow,
    detailOpen,
    closeDetail: () => {
      setDetailOpen(false);
      focusTable();
    },
    openDetail,
    recentOpen,
    toggleRecent: () => setRecentOpen((open) => !open),
    closeRecent: () => {
      setRecentOpen(false);
      focusTable();
    },
    focusTable,
    showNew,
    cluster,
    toggleCluster,
    showCluster,
    rulesOpen,
    openRules: () => setRulesOpen(true),
    closeRules: () => setRulesOpen(false),
    decideFromButton,
    onQueueKey,
    onPaneKey,
    setFilters: (filters: JoinRequestFilters) => queue.setFilters(filters),
    chooseCommunity: (choice: CommunityChoice | null) => queue.setFilters(withCommunity(queue.filters, choice)),
  };
}
