import type { CallInput, CallName, CallOutput } from '@shared/contract';
import type { QueueName } from '@shared/domain/queues';
import { useQuery } from '../../client/hooks';
import { formatAge } from '../format';
import { InlineText } from '../InlineText';
import { canUndo, recentActionState, type RecentActionSummary } from './recentActionState';
import { SideDrawer } from './SideDrawer';

const LIMIT = 50;

/** A contract call listing a queue's recent actions (`actions.recent`, `flagged.recentActions`). */
type RecentActionsCall = {
  [K in CallName]: CallOutput<K> extends readonly RecentActionSummary[] ? (CallInput<K> extends { limit?: number } ? K : never) : never;
}[CallName];

interface Props<K extends RecentActionsCall> {
  readonly call: K;
  /** Queues whose changes refresh the list (the queue and the outbox, whose pushes it reports). */
  readonly refreshOn: readonly QueueName[];
  /** The queue key that toggles the drawer. */
  readonly shortcut: string;
  readonly onUndo: (actionId: string) => void;
  readonly onClose: () => void;
}

/** What the moderator did lately in a queue, with Undo where the action can still be taken back. */
export function RecentActionsDrawer<K extends RecentActionsCall>({ call, refreshOn, shortcut, onUndo, onClose }: Props<K>) {
  const recent = useQuery(call, { limit: LIMIT } as CallInput<K>, refreshOn);
  const actions = recent.data as readonly RecentActionSummary[] | undefined;
  return (
    <SideDrawer title="Recent actions" shortcut={shortcut} onClose={onClose}>
      {recent.error && (
        <p role="alert" className="mb-error">
          Could not load recent actions: {recent.error.message}
        </p>
      )}
      {actions?.length === 0 && <p className="mb-muted">Nothing yet.</p>}
      <ol className="jr-list">
        {actions?.map((action) => (
          <li key={action.id} className="jr-recent">
            <div>
              <InlineText text={action.summary} max={500} />
            </div>
            <div className="mb-muted">
              {formatAge(action.createdAt)} · {recentActionState(action, formatAge)}
            </div>
            {canUndo(action) && (
              <button type="button" className="mb-button jr-small" aria-label={`Undo: ${action.summary.slice(0, 200)}`} onClick={() => onUndo(action.id)}>
                Undo
              </button>
            )}
          </li>
        ))}
      </ol>
    </SideDrawer>
  );
}
