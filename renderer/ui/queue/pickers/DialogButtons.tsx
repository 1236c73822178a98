import type { ReactNode } from 'react';

interface Props {
  /** The primary button's text; " (Enter)" is added. */
  readonly confirmLabel: string;
  readonly canConfirm?: boolean;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
  readonly cancelLabel?: string;
  /** Focus starts on the primary button (a confirmation with nothing to fill in). */
  readonly autofocus?: boolean;
  /** More buttons after Cancel. */
  readonly children?: ReactNode;
}

/** A queue dialog's buttons: the action (Enter), Cancel (Escape), and any extra. */
export function DialogButtons({ confirmLabel, canConfirm = true, onConfirm, onCancel, cancelLabel = 'Cancel (Escape)', autofocus = false, children }: Props) {
  return (
    <p className="jr-dialog-actions">
      <button type="button" className="mb-button mb-button--primary" data-autofocus={autofocus ? '' : undefined} disabled={!canConfirm} onClick={onConfirm}>
        {confirmLabel} (Enter)
      </button>
      <button type="button" className="mb-button" onClick={onCancel}>
        {cancelLabel}
      </button>
      {children}
    </p>
  );
}
