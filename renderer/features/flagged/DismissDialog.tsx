import { useState } from 'react';
import type { FlagAction } from '@shared/contract/flagged';
import { Dialog } from '../../ui/dialog';
import { DialogButtons } from '../../ui/queue/pickers/DialogButtons';

const MAX_NOTE = 2000;

/** No violation: an optional note for the record, and Enter dismisses (every report of the message is resolved). */
export function DismissDialog({ description, onChoose, onCancel }: { description: string; onChoose: (action: FlagAction) => void; onCancel: () => void }) {
  const [note, setNote] = useState('');
  const confirm = () => onChoose({ kind: 'dismiss', ...(note.trim() ? { note: note.trim() } : {}) });
  return (
    <Dialog title={`Dismiss ${description}`} onCancel={onCancel} onConfirm={confirm}>
      <p className="mb-muted">No violation: its reports are resolved, here and on the platform where it can.</p>
      <label className="jr-field">
        <span>Note (optional)</span>
        <input className="mb-search" dir="auto" maxLength={MAX_NOTE} data-autofocus="" value={note} onChange={(event) => setNote(event.target.value)} />
      </label>
      <DialogButtons confirmLabel="Dismiss" onConfirm={confirm} onCancel={onCancel} />
    </Dialog>
  );
}
