import { useState, type KeyboardEvent } from 'react';
import type { AnnouncementDetail } from '@shared/domain/announcements';
import { displayTitle } from '@shared/announcements/title';
import { deskKeyIntent } from '@shared/keyboard/announcement-keys';
import { useApi } from '../../client/ApiProvider';
import { MessageFields } from './MessageFields';
import { PreflightTable } from './PreflightTable';
import { SendPanel } from './SendPanel';
import { TargetPicker } from './TargetPicker';
import { useDraft } from './useDraft';
import { usePreview } from './usePreview';
import { useSendFlow, type SendRequest } from './useSendFlow';

const HOUR = 3_600_000;

interface Props {
  readonly detail: AnnouncementDetail;
  readonly onClose: () => void;
}

/** A draft: its text and variants, its targets, the preview with preflight, and the send. */
export function DraftEditor({ detail, onClose }: Props) {
  const api = useApi();
  const { draft, update, editTargets, state, flush } = useDraft(detail);
  const [scheduledAt, setScheduledAt] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [openedAt] = useState(() => Date.now());
  const preview = usePreview(draft.body, draft.variants, draft.targets, scheduledAt);

  const send = async (request: SendRequest): Promise<boolean> => {
    if (!(await flush())) return false;
    const result = await api.call('announcements.send', { id: detail.id, at: request.at, expectedTargets: request.targets, confirmation: request.confirmation });
    setError(result.ok ? null : result.error.message);
    return result.ok;
  };
  const flow = useSendFlow(preview.data, scheduledAt, send);
  const discard = () =>
    void api.call('announcements.discardDraft', { id: detail.id }).then((result) => {
      if (result.ok) onClose();
      else setError(result.error.message);
    });
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const intent = deskKeyIntent(event, 'editor');
    // A table or dialog inside may have claimed the key already (Escape clears a selection).
    if (intent.kind === 'none' || event.defaultPrevented) return;
    event.preventDefault();
    if (intent.kind === 'send') flow.start();
    if (intent.kind === 'close') onClose();
  };

  return (
    <section className="an-pane" aria-label={`Draft: ${displayTitle(draft.title, draft.body)}`} tabIndex={-1} autoFocus={detail.body !== ''} onKeyDown={onKeyDown}>
      <div className="an-pane-head">
        <h2>Draft</h2>
        <span className={state.kind === 'error' ? 'mb-error' : 'mb-muted'} role="status">
          {state.kind === 'saved' ? 'Saved' : state.kind === 'pending' ? 'Saving…' : `Not saved: ${state.message}`}
        </span>
        <button type="button" className="mb-button" onClick={discard}>
          Discard draft
        </button>
        <button type="button" className="mb-button" onClick={onClose} aria-label="Close the draft (Escape)">
          Close
        </button>
      </div>
      {error && (
        <p role="alert" className="mb-error">
          {error}
        </p>
      )}
      <MessageFields draft={draft} onChange={update} />
      <TargetPicker targets={draft.targets} preview={preview.data} onChange={(targets) => update({ targets })} />
      <PreflightTable preview={preview.data} error={preview.error?.message ?? null} editTargets={editTargets} />
      <SendPanel preview={preview.data} scheduledAt={scheduledAt} onScheduledAtChange={setScheduledAt} flow={flow} suggestedAt={openedAt + HOUR} />
    </section>
  );
}
