import { useId } from 'react';
import type { AnnouncementPreview } from '@shared/domain/announcements';
import { formatEstimate, fromLocalInput, toLocalInput } from './format';
import { SendConfirmDialog } from './SendConfirmDialog';
import type { useSendFlow } from './useSendFlow';

interface Props {
  readonly preview: AnnouncementPreview | undefined;
  readonly scheduledAt: number | null;
  readonly onScheduledAtChange: (at: number | null) => void;
  readonly flow: ReturnType<typeof useSendFlow>;
  /** A suggestion for the time field when the user switches to "at a time". */
  readonly suggestedAt: number;
}

/** Send now or at a time: the estimate, what still blocks the send, and the button. */
export function SendPanel({ preview, scheduledAt, onScheduledAtChange, flow, suggestedAt }: Props) {
  const timeId = useId();
  const count = preview?.count ?? 0;
  const label = scheduledAt === null ? `Send to ${count} ${count === 1 ? 'target' : 'targets'}` : `Schedule for ${count} ${count === 1 ? 'target' : 'targets'}`;
  return (
    <section className="an-section" aria-labelledby={`${timeId}-title`}>
      <h3 id={`${timeId}-title`}>Send</h3>
      <fieldset className="an-when">
        <legend className="mb-visually-hidden">When</legend>
        <label>
          <input type="radio" name={`${timeId}-when`} checked={scheduledAt === null} onChange={() => onScheduledAtChange(null)} /> Now
        </label>
        <label>
          <input type="radio" name={`${timeId}-when`} checked={scheduledAt !== null} onChange={() => onScheduledAtChange(suggestedAt)} /> At a time
        </label>
        {scheduledAt !== null && (
          <input
            id={timeId}
            type="datetime-local"
            className="mb-select"
            aria-label="Send at"
            value={toLocalInput(scheduledAt)}
            onChange={(event) => {
              const at = fromLocalInput(event.target.value);
              if (at !== null) onScheduledAtChange(at);
            }}
          />
        )}
      </fieldset>
      {preview && preview.count > 0 && (
        <p className="mb-muted">
          Reaches {preview.reach.toLocaleString()} members; sending takes {formatEstimate(preview.estimatedMs)} at the platforms’ rate limits.
          {preview.count > preview.confirmOver && ` Over ${preview.confirmOver} targets you will be asked to type the count to confirm.`}
        </p>
      )}
      <p className="an-actions">
        <button type="button" className="mb-button mb-button--primary" onClick={flow.start} disabled={flow.busy} aria-keyshortcuts="Control+Enter Meta+Enter">
          {label} <kbd className="an-kbd">Mod+Enter</kbd>
        </button>
        {flow.refusal && (
          <span role="alert" className="mb-error">
            {flow.refusal}
          </span>
        )}
      </p>
      {flow.confirming && preview && <SendConfirmDialog preview={preview} scheduledAt={scheduledAt} busy={flow.busy} onConfirm={flow.confirm} onCancel={flow.cancel} />}
    </section>
  );
}
