/** The header's toggle for the Recent actions drawer, with the queue's key for it. */
export function RecentActionsButton({ open, shortcut, onToggle }: { open: boolean; shortcut: string; onToggle: () => void }) {
  return (
    <button type="button" className="mb-button" aria-expanded={open} aria-keyshortcuts={shortcut} onClick={onToggle}>
      Recent actions <kbd aria-hidden="true">{shortcut}</kbd>
    </button>
  );
}
