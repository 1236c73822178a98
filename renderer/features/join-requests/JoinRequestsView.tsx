import { useMemo, useRef } from 'react';
import { RECENT_KEY, RULES_KEY, SHOW_NEW_KEY, UNDO_KEY } from '@shared/keyboard/join-request-keys';
import { ActionToast } from '../../ui/queue/ActionToast';
import { ErrorBanner } from '../../ui/queue/ErrorBanner';
import { NewRowsButton } from '../../ui/queue/NewRowsButton';
import { queueCount } from '../../ui/queue/queueCount';
import { QueueGrid } from '../../ui/queue/QueueGrid';
import { RecentActionsButton } from '../../ui/queue/RecentActionsButton';
import { RecentActionsDrawer } from '../../ui/queue/RecentActionsDrawer';
import { SearchBox } from '../../ui/SearchBox';
import { ViewHeader } from '../../ui/ViewHeader';
import { loadedRows } from '../../ui/queue/rows/loadedRows';
import { decisionBlocks } from './availability';
import { ShowClusterContext } from './ClusterBadge';
import { ClusterBanner } from './ClusterBanner';
import { DecisionBar } from './DecisionBar';
import { DecisionDialogs } from './DecisionDialogs';
import { DetailPane } from './DetailPane';
import { FiltersBar } from './FiltersBar';
import { joinRequestColumns } from './joinRequestColumns';
import { QueueSidebar } from './QueueSidebar';
import { RulesDialog } from './rules/RulesDialog';
import { resolveTarget } from './targets';
import { useJoinRequestsScreen } from './useJoinRequestsScreen';
import '../../ui/queue/queue.css';
import './join-requests.css';

const NOTHING_LOADED: readonly never[] = [];

/** Every join request of every connected community: one keyboard-first queue. See README.md. */
export function JoinRequestsView() {
  const paneRef = useRef<HTMLElement>(null);
  const tableRef = useRef<HTMLDivElement>(null);
  const screen = useJoinRequestsScreen({ paneRef, tableRef });
  const { queue, flow, detail } = screen;
  const { source, filters, search } = queue;
  const selecting = queue.selection.rows.mode === 'some' && queue.selection.rows.ids.size > 0;
  const { focusedIndex } = queue.focus;
  // Up to 1,000 rows scanned: only when the rows (a new source each time a page lands), the focus or whether rows are picked change.
  const loaded = useMemo(() => (selecting ? loadedRows(source, focusedIndex) : NOTHING_LOADED), [selecting, source, focusedIndex]);
  const target = resolveTarget('target', { selection: queue.selection, focusedRow: queue.focus.focusedRow, filters, search, total: source.total, cluster: null, loaded });
  const undo = (actionId?: string) => void flow.undo(actionId);

  return (
    <>
      <ViewHeader title="Join requests" count={queueCount(source, filters.status, queue.selection)}>
        <NewRowsButton count={queue.arrivals.count} shortcut={SHOW_NEW_KEY} onShow={screen.showNew} />
        <RecentActionsButton open={screen.recentOpen} shortcut={RECENT_KEY} onToggle={screen.toggleRecent} />
        <button type="button" className="mb-button" aria-haspopup="dialog" aria-keyshortcuts="Shift+R" onClick={screen.openRules}>
          Rules <kbd aria-hidden="true">{RULES_KEY}</kbd>
        </button>
        <SearchBox label="Search names and answers" key={queue.searchEpoch} initial={search} onSearch={queue.setSearch} onLeave={screen.focusTable} />
      </ViewHeader>
      <FiltersBar filters={filters} onChange={screen.setFilters} />
      {flow.error && <ErrorBanner message={flow.error} onDismiss={flow.dismissError} />}
      {filters.clusterKey && (
        <ClusterBanner
          reason={source.getRow(0)?.clusterReason ?? null}
          blocks={screen.clusterBlocks}
          onDecide={(decision) => screen.decideFromButton(decision, 'cluster')}
          onShowAll={screen.toggleCluster}
        />
      )}
      <div className={screen.detailOpen ? 'jr-body' : 'jr-body jr-body--no-detail'}>
        <QueueSidebar views={screen.views} filters={filters} search={search} onChooseCommunity={screen.chooseCommunity} />
        <div className="jr-table" ref={tableRef}>
          <ShowClusterContext value={screen.showCluster}>
            <QueueGrid
              queue={queue}
              ariaLabel="Join requests"
              columns={joinRequestColumns}
              onActivate={screen.openDetail}
              onKeyDown={screen.onQueueKey}
              toolbar={<DecisionBar target={target?.description ?? null} blocks={decisionBlocks(target, screen.capabilities)} onDecide={(decision) => screen.decideFromButton(decision, 'target')} onUndo={() => undo()} />}
              emptyState={search ? 'No request matches this search.' : 'No join requests here. The queue is clear.'}
            />
          </ShowClusterContext>
        </div>
        {screen.detailOpen && (
          <DetailPane
            paneRef={paneRef}
            requestId={detail.requestId}
            detail={detail.current}
            error={detail.error}
            onKeyDown={screen.onPaneKey}
            onClose={screen.closeDetail}
            clusterReason={queue.focus.focusedRow?.clusterReason ?? null}
            reviewRule={queue.focus.focusedRow?.reviewRule ?? null}
            onClusterDecide={(decision) => screen.decideFromButton(decision, 'cluster')}
            clusterBlocks={screen.clusterBlocks}
            onShowCluster={filters.clusterKey ? undefined : screen.toggleCluster}
            onNoteAdded={detail.reload}
          />
        )}
        {screen.recentOpen && (
          <RecentActionsDrawer call="actions.recent" refreshOn={['join-requests', 'outbox']} shortcut={RECENT_KEY} onUndo={undo} onClose={screen.closeRecent} />
        )}
      </div>
      <DecisionDialogs flow={flow} reasons={screen.reasons} />
      {screen.rulesOpen && <RulesDialog reasons={screen.reasons.reasons} onClose={screen.closeRules} />}
      <ActionToast toast={flow.toast} undoKey={UNDO_KEY} onUndo={undo} onDismiss={flow.dismissToast} />
    </>
  );
}
