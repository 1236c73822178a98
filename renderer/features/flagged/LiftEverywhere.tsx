import { useState } from 'react';
import type { AuthorAction, ConnectionCapabilities, LiftableSanction } from '@shared/domain/flagged';
import { LIFTABLE_SANCTIONS } from '@shared/domain/flagged';
import { liftEverywhere } from './sanctionLifts';

interface Props {
  readonly actions: readonly AuthorAction[];
  readonly authorName: string;
  readonly capabilities: readonly ConnectionCapabilities[] | undefined;
  readonly now: number;
  readonly onLift: (kind: LiftableSanction) => Promise<boolean>;
}

/** "Lift every ban" / "Lift every mute": in all your communities at once (main leaves out platforms that cannot). */
export function LiftEverywhere({ actions, authorName, capabilities, now, onLift }: Props) {
  const [busy, setBusy] = useState(false);
  const offers = LIFTABLE_SANCTIONS.map((sanction) => ({ sanction, ...liftEverywhere(actions, sanction, capabilities, now) })).filter((o) => o.count > 1);
  if (offers.length === 0) return null;
  return (
    <p className="fl-lift-all">
      {offers.map(({ sanction, count, block }) => (
        <span key={sanction}>
          <button
            type="button"
            className="mb-button jr-small"
            disabled={busy || block !== null}
            title={block ?? undefined}
            aria-label={`Lift every ${sanction} on ${authorName.slice(0, 80)}, in all your communities (${count})`}
            onClick={() => {
              setBusy(true);
              void onLift(sanction).finally(() => setBusy(false));
            }}
          >
            Lift every {sanction} ({count})
          </button>{' '}
          {block && <span className="mb-muted">{block} </span>}
        </span>
      ))}
    </p>
  );
}
