import type { ConnectionSummary } from '@shared/domain/connection';
import { Dialog } from '../../../ui/dialog';

/**
 * Says what leaves the console before a connection is removed. Focus starts on Cancel and
 * Enter is not bound to Remove: removing takes a deliberate click or Space on that button.
 */
export function RemoveConnectionDialog({ connection, onConfirm, onCancel }: { connection: ConnectionSummary; onConfirm(): void; onCancel(): void }) {
  const pending = connection.pendingPushes;
  const what = `remove-what-${connection.id}`;
  return (
    <Dialog title={<>Remove <span className="mb-text">{connection.name}</span>?</>} onCancel={onCancel} describedBy={what}>
      <p id={what}>
        Its {connection.communityCount.toLocaleString()} communities, their join requests, flagged items and messages leave this console
        {pending > 0 ? `, and ${pending.toLocaleString()} decisions not yet sent to the platform are dropped` : ''}. Its token is deleted. The
        audit log keeps its history. Nothing changes on the platform itself.
      </p>
      <p className="jr-dialog-actions">
        <button type="button" className="mb-button mb-button--primary" onClick={onConfirm}>
          Remove connection
        </button>
        <button type="button" className="mb-button" data-autofocus="" onClick={onCancel}>
          Cancel (Escape)
        </button>
      </p>
    </Dialog>
  );
}
