import { useState } from 'react';
import { useApi } from '../../../client/ApiProvider';

const MAX_NOTE = 5000;

/** Adds a note about this person; it follows them across your communities. */
export function AddNoteForm({ memberId, onAdded }: { memberId: string; onAdded: () => void }) {
  const api = useApi();
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const text = body.trim();
  return (
    <form
      className="jr-note-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!text || busy) return;
        setBusy(true);
        void api.call('notes.add', { memberId, body: text }).then((result) => {
          setBusy(false);
          if (!result.ok) {
            setError(`Could not add the note: ${result.error.message}`);
            return;
          }
          setError(null);
          setBody('');
          onAdded();
        });
      }}
    >
      <label className="jr-field">
        <span>Add note</span>
        <textarea className="mb-search" dir="auto" rows={2} maxLength={MAX_NOTE} value={body} onChange={(event) => setBody(event.target.value)} />
      </label>
      <button type="submit" className="mb-button jr-small" disabled={!text || busy}>
        Add note
      </button>
      {error && (
        <p role="alert" className="mb-error">
          {error}
        </p>
      )}
    </form>
  );
}
