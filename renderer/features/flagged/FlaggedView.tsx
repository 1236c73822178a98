import { useRef } from 'react';
import { FLAGGED_NEW_KEY, FLAGGED_RECENT_KEY, FLAGGED_UNDO_KEY } from '@shared/keyboard/flagged-keys';
import { ActionToast } from '../../ui/queue/ActionToast';
import { ErrorBanner } from '../../ui/queue/ErrorBanner';
import { NewRowsButton } from '../../ui/queue/NewRowsButton';
import { queueCount } from '../../ui/queue/queueCount';
import { QueueGrid } from '../../ui/queue/QueueGrid';
import { RecentActionsButton } from '../../ui/queue/RecentActionsButton';
import { RecentActionsDrawer } from '../../ui/queue/RecentActionsDrawer';
import { SavedQueueViewList } from '../../ui/queue/SavedQueueViewList';
import { SearchBox } from '../../ui/SearchBox';
import { ViewHeader } from '../../ui/ViewHeader';
import { ActionBar } from './ActionBar';
import { ActionDialogs } from './ActionDialogs';
import { AlertRulesPanel } from './AlertRulesPanel';
import { actionBlocks } from './availability';
import { ConversationPane } from './ConversationPane';
import { ExportDialog } from './ExportDialog';
import { flaggedColumns } from './flaggedColumns';
import { FlaggedFilters } from './FlaggedFilters';
import { resolveFlagTarget } from './flagTargets';
import { useFlaggedScreen } from './useFlaggedScreen';
import { useWellbeingPreferences } from './useWellbeingPreferences';
import { WellbeingContext } from './wellbeingContext';
import '../../ui/queue/queue.css';
import './flagged.css';

/** Reported and rule-matched messages of every community, one row per message: a keyboard-first queue. See README.md. */
export function FlaggedView() {
  const paneRef = useRef<HTMLElement>(null);
  const tableRef = useRef<HTMLDivElement>(null);
  const screen = useFlaggedScreen({ paneRef, tableRef });
  const { queue, flow, views } = screen;
  const { source, filters, search } = queue;
  const focusedRow = queue.focus.focusedRow;
  const target = resolveFlagTarget('target', { selection: queue.selection, focusedRow, filters, search, total: source.total, loaded: focusedRow ? [focusedRow] : [] });
  const undo = (actionId?: string) => void flow.undo(actionId);
  const wellbeing = useWellbeingPreferences();

  return (
    <WellbeingContext value={wellbeing}>
      <ViewHeader title="Flagged" count={queueCount(source, filters.status, queue.selection)}>
        <NewRowsButton count={queue.arrivals.count} shortcut={FLAGGED_NEW_KEY} onShow={screen.showNew} />
        <RecentActionsButton open={screen.panel === 'recent'} shortcut={FLAGGED_RECENT_KEY} onToggle={screen.toggleRecent} />
        <button type="button" className="mb-button" aria-expanded={screen.panel === 'rules'} onClick={screen.toggleRules}>
          Alert rules
        </button>
        <SearchBox label="Search messages and authors" key={queue.searchEpoch} initial={search} onSearch={queue.setSearch} onLeave={screen.focusTable} />
      </ViewHeader>
      <FlaggedFilters filters={filters} onChange={screen.setFilters} />
      {flow.error && <ErrorBanner message={flow.error} onDismiss={flow.dismissError} />}
      <div className={screen.detailOpen ? 'jr-body' : 'jr-body jr-body--no-detail'}>
        <nav className="jr-side" aria-label="Saved views">
          <SavedQueueViewList views={views} />
        </nav>
        <div className="jr-table" ref={tableRef}>
          <ActionBar
            target={target?.description ?? null}
            blocks={actionBlocks(target?.rows ?? null, screen.capabilities)}
            onAct={(action) => screen.actFromButton(action, 'target')}
            onUndo={() => undo()}
            onExport={screen.exportCase}
          />
          <QueueGrid
            queue={queue}
            ariaLabel="Flagged messages"
            columns={flaggedColumns}
            onActivate={screen.openDetail}
            onKeyDown={screen.onQueueKey}
            emptyState={search ? 'No flagged message matches this search.' : 'Nothing flagged here. All clear.'}
          />
        </div>
        {screen.detailOpen && (
          <ConversationPane
            paneRef={paneRef}
            flagId={screen.detailId}
            onKeyDown={screen.onPaneKey}
            onClose={screen.closeDetail}
            onExport={screen.exportCase}
            capabilities={screen.capabilities}
            onLift={flow.lift}
          />
        )}
        {screen.panel === 'recent' && (
          <RecentActionsDrawer call="flagged.recentActions" refreshOn={['flagged', 'outbox']} shortcut={FLAGGED_RECENT_KEY} onUndo={undo} onClose={screen.closePanel} />
        )}
        {screen.panel === 'rules' && <AlertRulesPanel onClose={screen.closePanel} />}
      </div>
      <ActionDialogs flow={flow} reasons={screen.reasons} capabilities={screen.capabilities} />
      {screen.exporting && <ExportDialog flagId={screen.exporting} onClose={screen.closeExport} />}
      <ActionToast toast={flow.toast} undoKey={FLAGGED_UNDO_KEY} onUndo={undo} onDismiss={flow.dismissToast} />
    </WellbeingContext>
  );
}
