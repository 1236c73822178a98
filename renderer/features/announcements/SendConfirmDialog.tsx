import { useState } from 'react';
import type { AnnouncementPreview } from '@shared/domain/announcements';
import { Dialog } from '../../ui/dialog';
import { formatTime } from './format';

interface Props {
  readonly preview: AnnouncementPreview;
  readonly scheduledAt: number | null;
  readonly busy: boolean;
  readonly onConfirm: (typed: string) => void;
  readonly onCancel: () => void;
}

/** A large send is confirmed by typing its target count back (the main side checks it too). */
export function SendConfirmDialog({ preview, scheduledAt, busy, onConfirm, onCancel }: Props) {
  const [typed, setTyped] = useState('');
  const expected = String(preview.count);
  const ok = typed.trim() === expected;
  const confirm = () => ok && !busy && onConfirm(typed.trim());
  return (
    <Dialog title={`${scheduledAt === null ? 'Send' : 'Schedule'} to ${preview.count} targets?`} onCancel={onCancel} onConfirm={confirm}>
      <p>
        This posts in {preview.count} communities reaching {preview.reach.toLocaleString()} members
        {scheduledAt === null ? ', starting now' : ` at ${formatTime(scheduledAt)}`}. Type <strong>{expected}</strong> to confirm.
      </p>
      <p>
        <input
          className="an-input an-wide"
          aria-label={`Type ${expected} to confirm`}
          inputMode="numeric"
          data-autofocus=""
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
        />
      </p>
      <p className="an-actions">
        <button type="button" className="mb-button mb-button--primary" disabled={!ok || busy} onClick={confirm}>
          {scheduledAt === null ? 'Send' : 'Schedule'} to {preview.count} targets
        </button>
        <button type="button" className="mb-button" onClick={onCancel}>
          Cancel
        </button>
      </p>
    </Dialog>
  );
}
