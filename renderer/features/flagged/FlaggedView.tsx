import { useRef } from 'react';
import { FLAGGED_RECENT_KEY } from '@shared/keyboard/flagged-keys';
import { DataTable, selectedCount } from '../../ui/data-table';
import { SavedViewList } from '../../ui/saved-views';
import { SearchBox } from '../../ui/SearchBox';
import { ViewHeader } from '../../ui/ViewHeader';
import { ActionToast } from '../join-requests/ActionToast';
import { ErrorBanner } from '../join-requests/ErrorBanner';
import { NewRowsButton } from '../join-requests/NewRowsButton';
import { ActionBar } from './ActionBar';
import { ActionDialogs } from './ActionDialogs';
import { AlertRulesPanel } from './AlertRulesPanel';
import { actionBlocks } from './availability';
import { ConversationPane } from './ConversationPane';
import { ExportDialog } from './ExportDialog';
import { FlagActionsDrawer } from './FlagActionsDrawer';
import { flaggedColumns } from './flaggedColumns';
import { FlaggedFilters } from './FlaggedFilters';
import { resolveFlagTarget } from './flagTargets';
import { useFlaggedScreen } from './useFlaggedScreen';
import { useRemovalReasons } from './useRemovalReasons';
import '../join-requests/join-requests.css';
import './flagged.css';

const getRowId = (row: { id: string }) => row.id;

/** Reported and rule-matched messages of every community, one row per message: a keyboard-first queue. See README.md. */
export function FlaggedView() {
  const paneRef = useRef<HTMLElement>(null);
  const tableRef = useRef<HTMLDivElement>(null);
  const screen = useFlaggedScreen({ paneRef, tableRef });
  const reasons = useRemovalReasons();
  const { queue, flow, views } = screen;
  const { source, filters, search } = queue;
  const selected = selectedCount(queue.selection, source.total);
  const focusedRow = queue.focus.focusedRow;
  const target = resolveFlagTarget('target', { selection: queue.selection, focusedRow, filters, search, total: source.total, loaded: focusedRow ? [focusedRow] : [] });

  return (
    <>
      <ViewHeader
        title="Flagged"
        count={source.totalKnown ? `${source.total.toLocaleString()} ${filters.status ?? 'in all states'}${selected ? ` · ${selected.toLocaleString()} selected` : ''}` : undefined}
      >
        <NewRowsButton count={queue.arrivals.count} onShow={screen.showNew} />
        <button type="button" className="mb-button" aria-expanded={screen.panel === 'recent'} aria-keyshortcuts={FLAGGED_RECENT_KEY} onClick={screen.toggleRecent}>
          Recent actions <kbd aria-hidden="true">{FLAGGED_RECENT_KEY}</kbd>
        </button>
        <button type="button" className="mb-button" aria-expanded={screen.panel === 'rules'} onClick={screen.toggleRules}>
          Alert rules
        </button>
        <SearchBox label="Search messages and authors" key={queue.searchEpoch} initial={search} onSearch={queue.setSearch} onLeave={screen.focusTable} />
      </ViewHeader>
      <FlaggedFilters filters={filters} onChange={screen.setFilters} />
      {flow.error && <ErrorBanner message={flow.error} onDismiss={flow.dismissError} />}
      <div className={screen.detailOpen ? 'jr-body' : 'jr-body jr-body--no-detail'}>
        <nav className="jr-side" aria-label="Saved views">
          <SavedViewList
            views={views.views}
            activeId={views.activeId}
            modified={views.modified}
            error={views.error}
            onSelect={views.open}
            onSaveNew={views.saveNew}
            onSaveChanges={views.saveChanges}
            onRename={views.rename}
            onDelete={views.remove}
          />
        </nav>
        <div className="jr-table" ref={tableRef}>
          <ActionBar
            target={target?.description ?? null}
            blocks={actionBlocks(target?.rows ?? null, screen.capabilities)}
            onAct={(action) => screen.actFromButton(action, 'target')}
            onUndo={() => void flow.undo()}
            onExport={screen.exportCase}
          />
          <DataTable
            ariaLabel="Flagged messages"
            columns={flaggedColumns}
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
            emptyState={search ? 'No flagged message matches this search.' : 'Nothing flagged here. All clear.'}
          />
        </div>
        {screen.detailOpen && (
          <ConversationPane paneRef={paneRef} flagId={screen.detailId} onKeyDown={screen.onPaneKey} onClose={screen.closeDetail} onExport={screen.exportCase} />
        )}
        {screen.panel === 'recent' && <FlagActionsDrawer onUndo={(actionId) => void flow.undo(actionId)} onClose={screen.closePanel} />}
        {screen.panel === 'rules' && <AlertRulesPanel onClose={screen.closePanel} />}
      </div>
      <ActionDialogs flow={flow} reasons={reasons} capabilities={screen.capabilities} />
      {screen.exporting && <ExportDialog flagId={screen.exporting} onClose={screen.closeExport} />}
      <ActionToast toast={flow.toast} onUndo={(actionId) => void flow.undo(actionId)} onDismiss={flow.dismissToast} />
    </>
  );
}
