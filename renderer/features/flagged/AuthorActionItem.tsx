import { useId, useState } from 'react';
import type { AuthorAction, ConnectionCapabilities, LiftableSanction } from '@shared/domain/flagged';
import { formatAge } from '../../ui/format';
import { InlineText } from '../../ui/InlineText';
import { liftState } from './sanctionLifts';

interface Props {
  readonly action: AuthorAction;
  readonly authorName: string;
  readonly capabilities: readonly ConnectionCapabilities[] | undefined;
  /** When the card was shown: a timed sanction past its end shows as ended. */
  readonly now: number;
  /** Lifts this ban or mute in its community; resolves false when main refused (the banner says why). */
  readonly onLift: (kind: LiftableSanction, communityId: string) => Promise<boolean>;
}

const until = (action: AuthorAction) => (action.until ? ` until ${new Date(action.until).toLocaleString()}` : '');

/** One earlier action on the author; a ban or mute in force on the platform can be lifted from here. */
export function AuthorActionItem({ action, authorName, capabilities, now, onLift }: Props) {
  const [busy, setBusy] = useState(false);
  const reasonId = useId();
  const state = liftState(action, capabilities, now);
  const lift = (sanction: LiftableSanction) => {
    if (!action.communityId) return;
    setBusy(true);
    void onLift(sanction, action.communityId).finally(() => setBusy(false));
  };
  return (
    <li className={action.undone || state.kind === 'lifted' ? 'mb-muted' : undefined}>
      {action.kind}
      {action.communityName && (
        <>
          {' '}
          in <InlineText text={action.communityName} />
        </>
      )}
      {until(action)} <span className="mb-muted">{formatAge(action.at)}</span>
      {action.undone && <span className="mb-pill">undone</span>}
      {state.kind === 'lifted' && (
        <span className="mb-pill" title={new Date(state.at).toLocaleString()}>
          lifted {formatAge(state.at)}
        </span>
      )}
      {state.kind === 'ended' && <span className="mb-pill">ended</span>}
      {state.kind === 'waiting' && <span className="mb-muted"> waiting to be sent: undo it in Recent actions</span>}
      {state.kind === 'liftable' && (
        <>
          {' '}
          <button
            type="button"
            className="mb-button jr-small"
            disabled={busy || state.block !== null || !action.communityId}
            aria-label={`Lift the ${state.sanction} on ${authorName.slice(0, 80)}${action.communityName ? ` in ${action.communityName.slice(0, 80)}` : ''}`}
            aria-describedby={state.block ? reasonId : undefined}
            onClick={() => lift(state.sanction)}
          >
            Lift {state.sanction}
          </button>
          {state.block && (
            <span id={reasonId} className="mb-muted">
              {' '}
              {state.block}
            </span>
          )}
        </>
      )}
      {action.note && (
        <div className="mb-muted">
          <InlineText text={action.note} max={300} />
        </div>
      )}
    </li>
  );
}
