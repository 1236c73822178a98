import type { ReactNode } from 'react';
import { Dialog } from '../../ui/dialog';

interface Props {
  readonly title: string;
  readonly confirmLabel: string;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
  readonly children: ReactNode;
}

/** A yes/no question before an action that reaches many platforms; the safe choice is focused. */
export function ConfirmDialog({ title, confirmLabel, onConfirm, onCancel, children }: Props) {
  return (
    <Dialog title={title} onCancel={onCancel}>
      {children}
      <p className="an-actions">
        <button type="button" className="mb-button mb-button--primary" onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" className="mb-button" data-autofocus="" onClick={onCancel}>
          Keep it
        </button>
      </p>
    </Dialog>
  );
}
