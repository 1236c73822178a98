import { useCallback, useState, type KeyboardEvent } from 'react';
import type { AnnouncementDetail, DeliveryRow, FollowUpResult, Variants } from '@shared/domain/announcements';
import { displayTitle } from '@shared/announcements/title';
import { deskKeyIntent } from '@shared/keyboard/announcement-keys';
import type { Result } from '@shared/result';
import { useApi } from '../../client/ApiProvider';
import { useQuery } from '../../client/hooks';
import { ConfirmDialog } from './ConfirmDialog';
import { DeliveryProgress } from './DeliveryProgress';
import { EditEverywhereDialog } from './EditEverywhereDialog';
import { formatTime } from './format';
import { ReceiptsTable } from './ReceiptsTable';
import { StatePill } from './StatePill';

interface Props {
  readonly detail: AnnouncementDetail;
  readonly onClose: () => void;
  readonly onOpen: (id: string) => void;
}

type Asking = 'edit' | 'delete' | 'cancel' | null;

function followUpText(verb: string, result: FollowUpResult): string {
  const skipped = result.skipped.map((s) => `${s.communityName} (${s.reason})`).join('; ');
  return `${verb} queued for ${result.queued} ${result.queued === 1 ? 'post' : 'posts'}.${skipped ? ` Not possible in ${skipped}.` : ''}`;
}

/** A scheduled, sending or sent announcement: its progress, receipts, and what can still be done. */
export function SentAnnouncement({ detail, onClose, onOpen }: Props) {
  const api = useApi();
  const counts = useQuery('announcements.progress', { id: detail.id }, ['announcements', 'outbox']);
  const [asking, setAsking] = useState<Asking>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const id = detail.id;

  const report = useCallback(<T,>(result: Result<T>, text: (value: T) => string) => {
    setMessage(result.ok ? { text: text(result.value), error: false } : { text: result.error.message, error: true });
  }, []);
  const retry = useCallback(
    (row: DeliveryRow) =>
      void api.call('announcements.retry', { id, deliveryIds: [row.id] }).then((result) => report(result, () => `Sending to ${row.communityName} again.`)),
    [api, id, report],
  );
  const retryAll = () => void api.call('announcements.retry', { id }).then((result) => report(result, (v) => `Retrying ${v.retried} failed targets.`));
  const cancel = () =>
    void api.call('announcements.cancel', { id }).then((result) =>
      report(result, (v) => (v.backToDraft ? 'Cancelled before anything was sent: it is a draft again.' : `Cancelled ${v.cancelled} targets not yet sent.`)),
    );
  const edit = (content: { body: string; variants: Variants }) =>
    void api.call('announcements.edit', { id, content }).then((result) => report(result, (v) => followUpText('Edit', v)));
  const remove = () => void api.call('announcements.delete', { id }).then((result) => report(result, (v) => followUpText('Delete', v)));
  const duplicate = () =>
    void api.call('announcements.duplicate', { id }).then((result) => {
      if (result.ok) onOpen(result.value.id);
      else report(result, () => '');
    });
  const run = (action: () => void) => () => {
    setAsking(null);
    action();
  };

  const live = counts.data ? counts.data.sent + counts.data.edited : 0;
  const failed = counts.data?.failed ?? 0;
  const cancellable = detail.status === 'scheduled' || detail.status === 'sending' || (detail.status === 'failed' && failed > 0);
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (deskKeyIntent(event, 'editor').kind !== 'close' || event.defaultPrevented) return;
    event.preventDefault();
    onClose();
  };

  return (
    <section className="an-pane" aria-label={`Announcement: ${displayTitle(detail.title, detail.body)}`} tabIndex={-1} autoFocus onKeyDown={onKeyDown}>
      <div className="an-pane-head">
        <h2>
          <bdi>{displayTitle(detail.title, detail.body)}</bdi>
        </h2>
        <StatePill state={detail.status} />
        {detail.scheduledAt !== null && <span className="mb-muted">scheduled for {formatTime(detail.scheduledAt)}</span>}
        <button type="button" className="mb-button" onClick={onClose} aria-label="Close the announcement (Escape)">
          Close
        </button>
      </div>
      <DeliveryProgress counts={counts.data} />
      <div className="an-actions" role="toolbar" aria-label="Announcement actions">
        {cancellable && (
          <button type="button" className="mb-button" onClick={() => setAsking('cancel')}>
            Cancel what is not sent yet
          </button>
        )}
        {failed > 0 && (
          <button type="button" className="mb-button" onClick={retryAll}>
            Retry {failed} failed
          </button>
        )}
        <button type="button" className="mb-button" disabled={live === 0} onClick={() => setAsking('edit')}>
          Edit everywhere…
        </button>
        <button type="button" className="mb-button" disabled={live === 0} onClick={() => setAsking('delete')}>
          Delete everywhere…
        </button>
        <button type="button" className="mb-button" onClick={duplicate}>
          Duplicate as a new draft
        </button>
      </div>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'mb-error' : 'mb-muted'}>
          {message.text}
        </p>
      )}
      <details className="an-section">
        <summary>Text as written</summary>
        <p className="an-long-text" dir="auto">
          {detail.body}
        </p>
      </details>
      <ReceiptsTable announcementId={id} onRetry={retry} />
      {asking === 'edit' && <EditEverywhereDialog detail={detail} onCancel={() => setAsking(null)} onConfirm={(content) => run(() => edit(content))()} />}
      {asking === 'delete' && (
        <ConfirmDialog title={`Delete from ${live} communities?`} confirmLabel="Delete everywhere" onCancel={() => setAsking(null)} onConfirm={run(remove)}>
          <p>Each live post is deleted where its platform allows it. The receipts show each one.</p>
        </ConfirmDialog>
      )}
      {asking === 'cancel' && (
        <ConfirmDialog title="Cancel what is not sent yet?" confirmLabel="Cancel the rest" onCancel={() => setAsking(null)} onConfirm={run(cancel)}>
          <p>Targets still waiting are not sent. Posts already sent stay; a post on its way finishes.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
