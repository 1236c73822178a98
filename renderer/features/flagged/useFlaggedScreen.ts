import { useState } from 'react';
import type { FlaggedFilters } from '@shared/contract/tables';
import type { FlagActionKind } from '@shared/domain/flagged';
import { flaggedKeyIntent } from '@shared/keyboard/flagged-keys';
import { useReasonLibrary } from '../../ui/queue/pickers/useReasonLibrary';
import { useConfirmBulkOver } from '../../ui/queue/useConfirmBulkOver';
import { useQueueKeys } from '../../ui/queue/useQueueKeys';
import { useQueueScreen, type QueueScreenRefs } from '../../ui/queue/useQueueScreen';
import { useSavedQueueViews } from '../../ui/queue/useSavedQueueViews';
import { compactFilters } from '../../ui/queue/viewDefinition';
import { useDebouncedValue } from '../../ui/useDebouncedValue';
import { actionBlocks } from './availability';
import { useActionFlow } from './useActionFlow';
import { useCapabilities } from '../../ui/queue/useCapabilities';
import { useFlaggedQueue } from './useFlaggedQueue';
import { flaggedViewCodec } from './viewDefinition';

/** j/k through the queue should not fetch a conversation per row passed. */
const DETAIL_DEBOUNCE_MS = 120;

const REMOVAL_REASON_CALLS = { list: 'removalReasons.list', save: 'removalReasons.save', remove: 'removalReasons.delete' } as const;
const REMOVAL_REASON_NAMES = { one: 'removal reason', all: 'the removal reasons' };

export type Panel = 'none' | 'recent' | 'rules';

/** Everything the Flagged screen wires together; the view only lays it out. */
export function useFlaggedScreen(refs: QueueScreenRefs) {
  const queue = useFlaggedQueue();
  const views = useSavedQueueViews('flagged', flaggedViewCodec, queue);
  const reasons = useReasonLibrary(REMOVAL_REASON_CALLS, REMOVAL_REASON_NAMES);
  const capabilities = useCapabilities();
  const flow = useActionFlow({ queue, blocksFor: (resolved) => actionBlocks(resolved.rows, capabilities), confirmBulkOver: useConfirmBulkOver() });
  const screen = useQueueScreen(refs, queue, 'lastReportedAt');
  const { focusTable } = screen;
  const focusedRow = queue.focus.focusedRow;
  const detailId = useDebouncedValue(focusedRow?.id ?? null, DETAIL_DEBOUNCE_MS);
  const [panel, setPanel] = useState<Panel>('none');
  const [exporting, setExporting] = useState<string | null>(null);
  const toggle = (which: Panel) => setPanel((open) => (open === which ? 'none' : which));

  const exportCase = () => {
    if (focusedRow) setExporting(focusedRow.id);
    else flow.say('No flagged message to export.');
  };

  const onQueueKey = useQueueKeys(flaggedKeyIntent, {
    act: ({ action, scope }) => flow.start(action, scope),
    undo: () => void flow.undo(),
    toggleRecent: () => toggle('recent'),
    showNew: screen.showNew,
    export: exportCase,
    savedView: ({ index }) => views.openIndex(index),
  });

  /** From a button: the grid takes focus first, so the flow and any dialog return there, ready for the next key. */
  const actFromButton = (action: FlagActionKind, scope: 'target' | 'author') => {
    focusTable();
    flow.start(action, scope);
  };

  return {
    ...screen,
    queue,
    views,
    reasons,
    capabilities,
    flow,
    detailId,
    panel,
    toggleRecent: () => toggle('recent'),
    toggleRules: () => toggle('rules'),
    closePanel: () => {
      setPanel('none');
      focusTable();
    },
    exporting,
    exportCase,
    closeExport: () => {
      setExporting(null);
      focusTable();
    },
    actFromButton,
    onQueueKey,
    onPaneKey: screen.paneKeys(onQueueKey),
    setFilters: (filters: FlaggedFilters) => queue.setFilters(compactFilters(filters)),
  };
}
