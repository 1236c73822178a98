/** "12 new": rows that arrived while the moderator worked; pressing it brings them into view. */
export function NewRowsButton({ count, shortcut, onShow }: { count: number; shortcut: string; onShow: () => void }) {
  return (
    <span aria-live="polite" className="jr-new">
      {count > 0 && (
        <button type="button" className="mb-button jr-new-button" aria-keyshortcuts={shortcut} onClick={onShow}>
          {count.toLocaleString()} new <kbd aria-hidden="true">{shortcut}</kbd>
        </button>
      )}
    </span>
  );
}
