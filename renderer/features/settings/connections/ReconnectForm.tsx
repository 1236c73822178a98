import { useState, type FormEvent } from 'react';
import type { ConnectionSummary } from '@shared/domain/connection';

/**
 * A new token for a connection, in a password field; main checks it with the platform
 * before it replaces the old one. The embedded Sandbox issues its own, so it asks for none.
 */
export function ReconnectForm({ connection, onSubmit, onCancel }: { connection: ConnectionSummary; onSubmit(token: string | undefined): Promise<void>; onCancel(): void }) {
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const fieldId = `reconnect-token-${connection.id}`;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    await onSubmit(connection.reconnectsWithToken ? token.trim() : undefined);
    setBusy(false);
    setToken('');
  };
  return (
    <form className="mb-form" aria-label={`Reconnect ${connection.name}`} onSubmit={(event) => void submit(event)}>
      {connection.reconnectsWithToken ? (
        <>
          <label htmlFor={fieldId}>New token</label>
          <input id={fieldId} className="mb-select" type="password" autoComplete="off" required autoFocus value={token} onChange={(e) => setToken(e.target.value)} />
        </>
      ) : (
        <p style={{ gridColumn: '1 / -1' }}>The Sandbox issues a fresh token itself.</p>
      )}
      {/* aria-disabled, not disabled: focus stays on the button while main checks, and a second submit is ignored above. */}
      <button type="submit" className="mb-button mb-button--primary" aria-disabled={busy} aria-busy={busy}>
        {busy ? 'Checking the token…' : 'Reconnect'}
      </button>
      <button type="button" className="mb-button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
