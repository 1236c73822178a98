import { useEffect } from 'react';
import { useCountdown } from './useCountdown';

const LINGER_MS = 5000;

export interface Toast {
  readonly id: number;
  readonly text: string;
  /** Set for a decision: `u` or the toast's button takes it back until `graceUntil`. */
  readonly actionId: string | null;
  readonly graceUntil: number | null;
}

interface Props {
  readonly toast: Toast | null;
  /** The queue's undo key, named on the button. */
  readonly undoKey: string;
  readonly onUndo: (actionId: string) => void;
  readonly onDismiss: () => void;
}

/** What just happened, with Undo while the grace period lasts. The live region stays mounted so changes are announced. */
export function ActionToast({ toast, undoKey, onUndo, onDismiss }: Props) {
  const seconds = useCountdown(toast?.graceUntil ?? null);
  const undoableId = seconds > 0 ? (toast?.actionId ?? null) : null;
  useEffect(() => {
    if (!toast || undoableId) return;
    const timer = setTimeout(onDismiss, LINGER_MS);
    return () => clearTimeout(timer);
  }, [toast, undoableId, onDismiss]);

  return (
    <div role="status" aria-live="polite" className="jr-toast-region">
      {toast && (
        <div className="jr-toast">
          <span>{toast.text}</span>
          {undoableId && (
            <>
              <span aria-hidden="true">·</span>
              <button type="button" className="mb-button" onClick={() => onUndo(undoableId)}>
                Undo ({undoKey})
              </button>
              <span className="mb-muted jr-countdown">{seconds} s</span>
            </>
          )}
          <button type="button" className="mb-icon-button" aria-label="Dismiss" onClick={onDismiss}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
