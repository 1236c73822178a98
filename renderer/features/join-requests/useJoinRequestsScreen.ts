import { useState } from 'react';
import type { JoinRequestFilters } from '@shared/contract/tables';
import type { JoinDecisionKind } from '@shared/domain/decisions';
import { queueKeyIntent } from '@shared/keyboard/join-request-keys';
import { useReasonLibrary } from '../../ui/queue/pickers/useReasonLibrary';
import { useCapabilities } from '../../ui/queue/useCapabilities';
import { useConfirmBulkOver } from '../../ui/queue/useConfirmBulkOver';
import { useQueueKeys } from '../../ui/queue/useQueueKeys';
import { useQueueScreen, type QueueScreenRefs } from '../../ui/queue/useQueueScreen';
import { useSavedQueueViews } from '../../ui/queue/useSavedQueueViews';
import { compactFilters } from '../../ui/queue/viewDefinition';
import { useDebouncedValue } from '../../ui/useDebouncedValue';
import { focusedCluster, toggledCluster } from './clusters';
import { withCommunity, type CommunityChoice } from './filters';
import { joinRequestViewCodec } from './savedViewDefinition';
import { useClusterBlocks } from './useClusterBlocks';
import { useDecisionFlow } from './useDecisionFlow';
import { useJoinRequestQueue } from './useJoinRequestQueue';
import { useRequestDetail } from './useRequestDetail';

/** j/k through the queue should not fetch a detail per row passed. */
const DETAIL_DEBOUNCE_MS = 120;

const REASON_CALLS = { list: 'reasons.list', save: 'reasons.save', remove: 'reasons.delete' } as const;
const REASON_NAMES = { one: 'reason', all: 'the reason library' };

/** Everything the Join requests screen wires together; the view only lays it out. */
export function useJoinRequestsScreen(refs: QueueScreenRefs) {
  const queue = useJoinRequestQueue();
  const views = useSavedQueueViews('join-requests', joinRequestViewCodec, queue);
  const reasons = useReasonLibrary(REASON_CALLS, REASON_NAMES);
  const focusedId = queue.focus.focusedRow?.id ?? null;
  const detailId = useDebouncedValue(focusedId, DETAIL_DEBOUNCE_MS);
  const detail = useRequestDetail(detailId);
  const current = detail.detail?.id === focusedId ? detail.detail : undefined;
  const cluster = focusedCluster(queue.focus.focusedRow, current, queue.filters, queue.source.total);
  const capabilities = useCapabilities();
  const clusterBlocks = useClusterBlocks(cluster);
  const flow = useDecisionFlow({ queue, cluster, confirmBulkOver: useConfirmBulkOver(), capabilities, clusterBlocks });
  const screen = useQueueScreen(refs, queue, 'requestedAt');
  const { focusTable } = screen;
  const [recentOpen, setRecentOpen] = useState(false);
  const [rulesOpen, setRulesOpen] = useState(false);

  /** `c`, or a row's "cluster of N": the queue shows just that cluster (the focused row stays focused); again, everything. */
  const toggleCluster = () => {
    const next = toggledCluster(queue.filters, queue.focus.focusedRow);
    if (next) queue.setFilters(next);
    else flow.notify('The focused request is not part of a cluster.');
  };
  const showCluster = (clusterKey: string) => {
    queue.setFilters(compactFilters({ ...queue.filters, clusterKey }));
    focusTable();
  };

  const onQueueKey = useQueueKeys(queueKeyIntent, {
    decide: ({ decision, scope }) => flow.start(decision, scope),
    undo: () => void flow.undo(),
    toggleRecent: () => setRecentOpen((open) => !open),
    showNew: screen.showNew,
    toggleCluster,
    openRules: () => setRulesOpen(true),
    savedView: ({ index }) => views.openIndex(index),
  });

  /** From a button: the grid takes focus first, so the flow and any dialog return there, ready for the next key. */
  const decideFromButton = (decision: JoinDecisionKind, scope: 'target' | 'cluster') => {
    focusTable();
    flow.start(decision, scope);
  };

  return {
    ...screen,
    queue,
    views,
    reasons,
    detail: { ...detail, requestId: focusedId, current },
    flow,
    recentOpen,
    toggleRecent: () => setRecentOpen((open) => !open),
    closeRecent: () => {
      setRecentOpen(false);
      focusTable();
    },
    cluster,
    capabilities,
    clusterBlocks,
    toggleCluster,
    showCluster,
    rulesOpen,
    openRules: () => setRulesOpen(true),
    closeRules: () => setRulesOpen(false),
    decideFromButton,
    onQueueKey,
    onPaneKey: screen.paneKeys(onQueueKey),
    setFilters: (filters: JoinRequestFilters) => queue.setFilters(filters),
    chooseCommunity: (choice: CommunityChoice | null) => queue.setFilters(withCommunity(queue.filters, choice)),
  };
}
