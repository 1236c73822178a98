import type { KeyboardEvent, ReactNode } from 'react';

interface Props {
  /** Its accessible name and heading ("Recent actions"); the close button is "Close <title>". */
  readonly title: string;
  /** The queue key that also toggles it, announced on the close button. */
  readonly shortcut?: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
}

/** A panel over the right side of a queue. Escape closes it (and goes no further, so the table keeps its selection). */
export function SideDrawer({ title, shortcut, onClose, children }: Props) {
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    onClose();
  };
  return (
    <aside className="jr-drawer" aria-label={title} onKeyDown={onKeyDown}>
      <div className="jr-detail-head">
        <h2>{title}</h2>
        <button type="button" className="mb-icon-button" aria-label={`Close ${title}`} aria-keyshortcuts={shortcut} onClick={onClose}>
          ×
        </button>
      </div>
      {children}
    </aside>
  );
}
