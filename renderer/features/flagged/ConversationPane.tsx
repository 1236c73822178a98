import type { KeyboardEvent, RefObject } from 'react';
import type { LiftSanctionInput } from '@shared/contract/flagged';
import type { ConnectionCapabilities } from '@shared/domain/flagged';
import { useQuery } from '../../client/hooks';
import { AuthorCard } from './AuthorCard';
import { Conversation } from './Conversation';
import { EvidenceList } from './EvidenceList';
import { FlagOverview } from './FlagOverview';
import { FlagReports } from './FlagReports';

interface Props {
  readonly paneRef: RefObject<HTMLElement | null>;
  /** The focused flag; null when the queue is empty. */
  readonly flagId: string | null;
  readonly onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  readonly onClose: () => void;
  readonly onExport: () => void;
  readonly capabilities: readonly ConnectionCapabilities[] | undefined;
  readonly onLift: (input: LiftSanctionInput) => Promise<boolean>;
}

type BodyProps = Pick<Props, 'onExport' | 'capabilities' | 'onLift'> & { readonly flagId: string };

/** The focused message in its conversation, its reports, the author across your communities, the evidence. Escape returns to the table. */
export function ConversationPane({ paneRef, flagId, onKeyDown, onClose, onLift, ...body }: Props) {
  // A lift replaces its button with "lifted": focus comes back to the pane, where the queue's keys work.
  const liftAndRefocus = async (input: LiftSanctionInput) => {
    const lifted = await onLift(input);
    if (lifted) paneRef.current?.focus();
    return lifted;
  };
  return (
    <aside ref={paneRef} className="jr-detail" aria-label="Conversation pane" tabIndex={-1} onKeyDown={onKeyDown}>
      <div className="jr-detail-head">
        <h2>Flagged message</h2>
        <button type="button" className="mb-icon-button" aria-label="Close the conversation pane" onClick={onClose}>
          ×
        </button>
      </div>
      {flagId === null ? <p className="mb-muted">No flagged message is focused.</p> : <PaneBody key={flagId} flagId={flagId} onLift={liftAndRefocus} {...body} />}
    </aside>
  );
}

function PaneBody({ flagId, onExport, capabilities, onLift }: BodyProps) {
  const detail = useQuery('flagged.detail', { id: flagId }, ['flagged', 'outbox']);
  const current = detail.data?.id === flagId ? detail.data : undefined;
  const liftAndReload = async (input: LiftSanctionInput) => {
    const lifted = await onLift(input);
    if (lifted) detail.reload();
    return lifted;
  };
  if (!current) {
    return detail.error ? (
      <p role="alert" className="mb-error">
        Could not load this message: {detail.error.message}
      </p>
    ) : (
      <p className="mb-muted">Loading…</p>
    );
  }
  return (
    <>
      <FlagOverview detail={current} />
      <Conversation detail={current} />
      <FlagReports reports={current.reports} />
      {current.author ? <AuthorCard author={current.author} capabilities={capabilities} onLift={liftAndReload} onNoteAdded={detail.reload} /> : <p className="mb-muted">The author is not known on the platform.</p>}
      <EvidenceList evidence={current.evidence} onExport={onExport} />
    </>
  );
}
