/** A failure the moderator must see (role=alert), until dismissed or replaced. */
export function ErrorBanner({ message, onDismiss }: { message: string; onDismiss: () => void }) {
  return (
    <div role="alert" className="mb-banner mb-banner--error jr-error">
      <span dir="auto">{message}</span>
      <button type="button" className="mb-button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
