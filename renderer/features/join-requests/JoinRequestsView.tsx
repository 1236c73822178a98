import { useRef } from 'react';
import { RECENT_KEY, RULES_KEY } from '@shared/keyboard/join-request-keys';
import { DataTable, selectedCount } from '../../ui/data-table';
import { SearchBox } from '../../ui/SearchBox';
import { ViewHeader } from '../../ui/ViewHeader';
import { ActionToast } from './ActionToast';
import { ClusterBanner } from './ClusterBanner';
import { ShowClusterContext } from './ClusterBadge';
import { DecisionBar } from './DecisionBar';
import { DecisionDialogs } from './DecisionDialogs';
import { DetailPane } from './DetailPane';
import { ErrorBanner } from './ErrorBanner';
import { FiltersBar } from './FiltersBar';
import { joinRequestColumns } from './joinRequestColumns';
import { NewRowsButton } from './NewRowsButton';
import { QueueSidebar } from './QueueSidebar';
import { RecentActionsDrawer } from './RecentActionsDrawer';
import { RulesDialog } from './rules/RulesDialog';
import { resolveTarget } from './targets';
import { useJoinRequestsScreen } from './useJoinRequestsScreen';
import './join-requests.css';

const getRowId = (row: { id: string }) => row.id;

/** Every join request of every connected community: one keyboard-first queue. See README.md. */
export function JoinRequestsView() {
  const paneRef = useRef<HTMLElement>(null);
  const tableRef = useRef<HTMLDivElement>(null);
  const screen = useJoinRequestsScreen({ paneRef, tableRef });
  const { queue, flow, detail } = screen;
  const { source, filters, search } = queue;
  const selected = selectedCount(queue.selection, source.total);
  const target = resolveTarget('target', { selection: queue.selection, focusedRow: queue.focus.focusedRow, filters, search, total: source.total, cluster: null });

  return (
    <>
      <ViewHeader
        title="Join requests"
        count={source.totalKnown ? `${source.total.toLocaleString()} ${filters.status ?? 'in all states'}${selected ? ` · ${selected.toLocaleString()} selected` : ''}` : undefined}
      >
        <NewRowsButton count={queue.arrivals.count} onShow={screen.showNew} />
        <button type="button" className="mb-button" aria-expanded={screen.recentOpen} aria-keyshortcuts={RECENT_KEY} onClick={screen.toggleRecent}>
          Recent actions <kbd aria-hidden="true">{RECENT_KEY}</kbd>
        </button>
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
          onDecide={(decision) => screen.decideFromButton(decision, 'cluster')}
          onShowAll={screen.toggleCluster}
        />
      )}
      <div className={screen.detailOpen ? 'jr-body' : 'jr-body jr-body--no-detail'}>
        <QueueSidebar views={screen.views} filters={filters} search={search} onChooseCommunity={screen.chooseCommunity} />
        <div className="jr-table" ref={tableRef}>
          <ShowClusterContext value={screen.showCluster}>
          <DataTable
            ariaLabel="Join requests"
            columns={joinRequestColumns}
            getRowId={getRowId}
            source={source}
            sort={queue.sort}
            onSortChange={queue.setSort}
            selection={queue.selection}
            onSelectionChange={queue.setSelection}
            focusedIndex={queue.focus.focusedIndex}
            onFocusChange={queue.focus.onFocusChange}
            layout={queue.layout}
            onLayoutChange={queue.setLayout}
            onActivate={screen.openDetail}
            onKeyDown={screen.onQueueKey}
            toolbar={<DecisionBar target={target?.description ?? null} onDecide={(decision) => screen.decideFromButton(decision, 'target')} onUndo={() => void flow.undo()} />}
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
            onShowCluster={filters.clusterKey ? undefined : screen.toggleCluster}
            onNoteAdded={detail.reload}
          />
        )}
        {screen.recentOpen && <RecentActionsDrawer onUndo={(actionId) => void flow.undo(actionId)} onClose={screen.closeRecent} />}
      </div>
      <DecisionDialogs flow={flow} reasons={screen.reasons} />
      {screen.rulesOpen && <RulesDialog reasons={screen.reasons.reasons} onClose={screen.closeRules} />}
      <ActionToast toast={flow.toast} onUndo={(actionId) => void flow.undo(actionId)} onDismiss={flow.dismissToast} />
    </>
  );
}
