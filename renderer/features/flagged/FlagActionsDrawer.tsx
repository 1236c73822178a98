import type { KeyboardEvent } from 'react';
import type { RecentFlagAction } from '@shared/domain/flagged';
import { FLAGGED_RECENT_KEY } from '@shared/keyboard/flagged-keys';
import { useQuery } from '../../client/hooks';
import { formatAge } from '../../ui/format';
import { InlineText } from '../join-requests/InlineText';

const LIMIT = 50;

function stateOf(action: RecentFlagAction): string {
  if (action.undoneAt) return `undone ${formatAge(action.undoneAt)}`;
  const parts = [`${action.pushed.toLocaleString()} pushed`];
  if (action.failed > 0) parts.push(`${action.failed.toLocaleString()} failed`);
  if (action.undoable > 0) parts.push(`${action.undoable.toLocaleString()} can still be undone`);
  return parts.join(' · ');
}

/** What the moderator did to flagged messages lately, with Undo where the action can still be taken back. */
export function FlagActionsDrawer({ onUndo, onClose }: { onUndo: (actionId: string) => void; onClose: () => void }) {
  const recent = useQuery('flagged.recentActions', { limit: LIMIT }, ['flagged', 'outbox']);
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    onClose();
  };
  return (
    <aside className="jr-drawer" aria-label="Recent actions" onKeyDown={onKeyDown}>
      <div className="jr-detail-head">
        <h2>Recent actions</h2>
        <button type="button" className="mb-icon-button" aria-label="Close Recent actions" aria-keyshortcuts={FLAGGED_RECENT_KEY} onClick={onClose}>
          ×
        </button>
      </div>
      {recent.error && (
        <p role="alert" className="mb-error">
          Could not load recent actions: {recent.error.message}
        </p>
      )}
      {recent.data?.length === 0 && <p className="mb-muted">Nothing yet.</p>}
      <ol className="jr-list">
        {recent.data?.map((action) => (
          <li key={action.id} className="jr-recent">
            <div>
              <InlineText text={action.summary} max={500} />
            </div>
            <div className="mb-muted">
              {formatAge(action.createdAt)} · {stateOf(action)}
            </div>
            {action.undoable > 0 && action.undoneAt === null && (
              <button type="button" className="mb-button jr-small" aria-label={`Undo: ${action.summary.slice(0, 200)}`} onClick={() => onUndo(action.id)}>
                Undo
              </button>
            )}
          </li>
        ))}
      </ol>
    </aside>
  );
}
