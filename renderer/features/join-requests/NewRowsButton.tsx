import { SHOW_NEW_KEY } from '@shared/keyboard/join-request-keys';

/** "12 new": requests that arrived while the moderator worked; pressing it brings them into view. */
export function NewRowsButton({ count, onShow }: { count: number; onShow: () => void }) {
  return (
    <span aria-live="polite" className="jr-new">
      {count > 0 && (
        <button type="button" className="mb-button jr-new-button" aria-keyshortcuts={SHOW_NEW_KEY} onClick={onShow}>
          {count.toLocaleString()} new <kbd aria-hidden="true">{SHOW_NEW_KEY}</kbd>
        </button>
      )}
    </span>
  );
}
