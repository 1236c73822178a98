import type { KeyboardEvent, RefObject } from 'react';
import type { JoinDecisionKind, JoinRequestDetail } from '@shared/domain/decisions';
import type { AppError } from '@shared/result';
import type { DecisionBlocks } from './availability';
import { ClusterActions } from './ClusterActions';
import { PersonCard } from './PersonCard';
import { RequestOverview } from './RequestOverview';
import { ScreeningAnswers } from './ScreeningAnswers';

interface Props {
  readonly paneRef: RefObject<HTMLElement | null>;
  /** The focused request; null when the queue is empty. */
  readonly requestId: string | null;
  readonly detail: JoinRequestDetail | undefined;
  readonly error: AppError | undefined;
  readonly onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  readonly onClose: () => void;
  /** From the focused row: why its cluster is one, and the rule that marked it for review. */
  readonly clusterReason: string | null;
  readonly reviewRule: string | null;
  readonly onClusterDecide: (decision: JoinDecisionKind) => void;
  readonly clusterBlocks: DecisionBlocks;
  /** Absent while the queue already shows only this cluster. */
  readonly onShowCluster: (() => void) | undefined;
  readonly onNoteAdded: () => void;
}

/** The focused request in full, and the person behind it. Escape returns to the table. */
export function DetailPane({ paneRef, requestId, detail, error, clusterReason, reviewRule, onKeyDown, onClose, onClusterDecide, clusterBlocks, onShowCluster, onNoteAdded }: Props) {
  const current = detail && detail.id === requestId ? detail : undefined;
  return (
    <aside ref={paneRef} className="jr-detail" aria-label="Request details" tabIndex={-1} onKeyDown={onKeyDown}>
      <div className="jr-detail-head">
        <h2>Details</h2>
        <button type="button" className="mb-icon-button" aria-label="Close details" onClick={onClose}>
          ×
        </button>
      </div>
      {requestId === null && <p className="mb-muted">No request is focused.</p>}
      {requestId !== null && error && !current && (
        <p role="alert" className="mb-error">
          Could not load this request: {error.message}
        </p>
      )}
      {requestId !== null && !error && !current && <p className="mb-muted">Loading…</p>}
      {current && (
        <>
          <RequestOverview request={current} />
          {reviewRule && (
            <p className="jr-sync jr-sync--warn">
              Marked for review by rule <bdi>{reviewRule}</bdi>.
            </p>
          )}
          {current.clusterKey && current.clusterSize > 1 && (
            <ClusterActions size={current.clusterSize} reason={clusterReason} blocks={clusterBlocks} onDecide={onClusterDecide} onShow={onShowCluster} />
          )}
          <section aria-labelledby="jr-answers-title">
            <h3 id="jr-answers-title">Screening answers</h3>
            <ScreeningAnswers answers={current.answers} />
          </section>
          <PersonCard person={current.person} requestId={current.id} onNoteAdded={onNoteAdded} />
        </>
      )}
    </aside>
  );
}
