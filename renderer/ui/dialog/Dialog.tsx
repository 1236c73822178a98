import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { focusableIn } from './focusable';

export interface DialogProps {
  readonly title: ReactNode;
  readonly onCancel: () => void;
  /** Enter anywhere but on a button or in a multi-line field. */
  readonly onConfirm?: () => void;
  /** Runs first; `preventDefault()` claims the key. */
  readonly onKeyDown?: (event: KeyboardEvent<HTMLDivElement>) => void;
  readonly describedBy?: string;
  readonly wide?: boolean;
  readonly children: ReactNode;
}

/**
 * A modal dialog: labelled by its title, focus moved in (to `[data-autofocus]`, else
 * the dialog) and back to where it was on close, Tab kept inside, Escape cancels.
 * Keys never leave it, so the table and the app's shortcuts stay quiet while it is open.
 */
export function Dialog({ title, onCancel, onConfirm, onKeyDown, describedBy, wide, children }: DialogProps) {
  const dialog = useRef<HTMLDivElement>(null);
  const titleId = useId();

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const element = dialog.current;
    (element?.querySelector<HTMLElement>('[data-autofocus]:not(:disabled)') ?? element)?.focus();
    return () => {
      if (previous?.isConnected) previous.focus();
    };
  }, []);

  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    event.stopPropagation();
    if (event.nativeEvent.isComposing) return;
    onKeyDown?.(event);
    if (event.defaultPrevented) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    } else if (event.key === 'Tab') {
      keepTabInside(event, dialog.current);
    } else if (event.key === 'Enter' && onConfirm && !event.shiftKey && !isButtonOrTextArea(event.target)) {
      event.preventDefault();
      onConfirm();
    }
  };

  return createPortal(
    <div className="mb-overlay" onMouseDown={(event) => event.target === event.currentTarget && onCancel()}>
      <div
        ref={dialog}
        className="mb-dialog"
        style={wide ? { width: 'min(820px, 94vw)' } : undefined}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={describedBy}
        tabIndex={-1}
        onKeyDown={handleKeyDown}
      >
        <h2 id={titleId}>{title}</h2>
        {children}
      </div>
    </div>,
    document.body,
  );
}

function isButtonOrTextArea(target: EventTarget): boolean {
  return target instanceof HTMLElement && (target.tagName === 'BUTTON' || target.tagName === 'TEXTAREA' || target.tagName === 'A');
}

function keepTabInside(event: KeyboardEvent<HTMLElement>, container: HTMLElement | null): void {
  if (!container) return;
  const items = focusableIn(container);
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) {
    event.preventDefault();
    return;
  }
  const active = document.activeElement;
  if (event.shiftKey && (active === first || active === container)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}

