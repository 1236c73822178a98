import { useRef, useState } from 'react';
import type { ConnectionSummary } from '@shared/domain/connection';
import { Dialog } from '../../../ui/dialog';

/**
 * Says what leaves the console before a connection is removed. Focus starts on Cancel and
 * Enter is not bound to Remove: removing takes a deliberate click or Space on that button.
 * While the removal runs, a second click does nothing (a second call would fail and its
 * error replace the success) and Cancel is refused, as the removal can no longer be stopped.
 */
export function RemoveConnectionDialog({ connection, onConfirm, onCancel }: { connection: ConnectionSummary; onConfirm(): Promise<void>; onCancel(): void }) {
  const pending = connection.pendingPushes;
  const what = `remove-what-${connection.id}`;
  const running = useRef(false);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      running.current = false;
      setBusy(false);
    }
  };
  const cancel = () => {
    if (!running.current) onCancel();
  };
  return (
    <Dialog title={<>Remove <span className="mb-text">{connection.name}</span>?</>} onCancel={cancel} describedBy={what}>
      <p id={what}>
        Its {connection.communityCount.toLocaleString()} communities, their join requests, flagged items and messages leave this console
        {pending > 0 ? `, and ${pending.toLocaleString()} decisions not yet sent to the platform are dropped` : ''}. Its token is deleted. The
        audit log keeps its history. Nothing changes on the platform itself.
      </p>
      <p className="jr-dialog-actions">
        {/* aria-disabled rather than disabled, so the focus on the button stays in the dialog while it runs. */}
        <button type="button" className="mb-button mb-button--primary" aria-disabled={busy} aria-busy={busy} onClick={() => void confirm()}>
          {busy ? 'Removing…' : 'Remove connection'}
        </button>
        <button type="button" className="mb-button" data-autofocus="" aria-disabled={busy} onClick={cancel}>
          Cancel (Escape)
        </button>
      </p>
    </Dialog>
  );
}
