import type { ReactNode } from 'react';

interface Props {
  /** As `aria-keyshortcuts` ("b", "Shift+a"). */
  readonly shortcut: string;
  /** The key as shown after the text; the shortcut itself unless given ("⇧a"). */
  readonly keyLabel?: string;
  /** The accessible name, when the text alone does not say what it acts on. */
  readonly ariaLabel?: string;
  readonly title?: string;
  readonly disabled?: boolean;
  readonly onClick: () => void;
  readonly children: ReactNode;
}

/** A small queue button that is also a key: its text, then the key (hidden from screen readers, announced as the shortcut). */
export function KeyButton({ shortcut, keyLabel = shortcut, ariaLabel, title, disabled, onClick, children }: Props) {
  return (
    <button type="button" className="mb-button jr-small" disabled={disabled} aria-label={ariaLabel} aria-keyshortcuts={shortcut} title={title} onClick={onClick}>
      {children} <kbd aria-hidden="true">{keyLabel}</kbd>
    </button>
  );
}
