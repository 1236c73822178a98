import type { DeliveryCounts } from '@shared/domain/announcements';

/** Counts per state and a progress bar: how much of the send (or of an edit or delete) has settled. */
export function DeliveryProgress({ counts }: { counts: DeliveryCounts | undefined }) {
  if (!counts || counts.total === 0) return null;
  const pending = counts.queued + counts.sending;
  const settled = counts.total - pending;
  const parts = [
    `${counts.sent + counts.edited} sent`,
    counts.edited > 0 ? `${counts.edited} edited` : '',
    counts.deleted > 0 ? `${counts.deleted} deleted` : '',
    `${counts.failed} failed`,
    `${counts.queued} queued`,
    counts.sending > 0 ? `${counts.sending} sending` : '',
    counts.cancelled > 0 ? `${counts.cancelled} cancelled` : '',
  ].filter((part) => part !== '');
  return (
    <div className="an-progress">
      <progress className="mb-progress" aria-label="Delivery progress" max={counts.total} value={settled} />
      <p className="mb-muted" role="status" aria-live="polite">
        {settled} of {counts.total} settled: {parts.join(' · ')}
      </p>
    </div>
  );
}
