import { useState, type FormEvent } from 'react';
import type { CallInput } from '@shared/contract';
import type { ConnectionSummary } from '@shared/domain/connection';

type EditedOptions = NonNullable<CallInput<'connections.update'>['options']>;

export interface ConnectionEdit {
  readonly name: string;
  readonly options?: EditedOptions;
}

/** The connection's name and its platform's option (Discourse API username, Telegram chats by id, Discord join requests). */
export function EditConnectionForm({ connection, onSubmit, onCancel }: { connection: ConnectionSummary; onSubmit(edit: ConnectionEdit): Promise<void>; onCancel(): void }) {
  const [name, setName] = useState(connection.name);
  const [username, setUsername] = useState(connection.options.username ?? '');
  const [chatIds, setChatIds] = useState((connection.options.chatIds ?? []).join(', '));
  const [joinRequests, setJoinRequests] = useState(connection.options.joinRequests ?? false);
  const [busy, setBusy] = useState(false);
  const id = (field: string) => `edit-${field}-${connection.id}`;

  const options = (): EditedOptions | undefined => {
    if (connection.kind === 'discourse') return { username: username.trim() };
    if (connection.kind === 'telegram') return { chatIds: chatIds.split(/[\s,]+/).filter(Boolean) };
    if (connection.kind === 'discord') return { joinRequests };
    return undefined;
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const chosen = options();
    await onSubmit({ name: name.trim(), ...(chosen ? { options: chosen } : {}) });
    setBusy(false);
  };

  return (
    <form className="mb-form" aria-label={`Edit ${connection.name}`} onSubmit={(event) => void submit(event)}>
      <label htmlFor={id('name')}>Name</label>
      <input id={id('name')} className="mb-select" required maxLength={120} autoFocus value={name} onChange={(e) => setName(e.target.value)} />
      {connection.kind === 'discourse' && (
        <>
          <label htmlFor={id('username')}>API username</label>
          <input id={id('username')} className="mb-select" required maxLength={60} value={username} onChange={(e) => setUsername(e.target.value)} />
        </>
      )}
      {connection.kind === 'telegram' && (
        <>
          <label htmlFor={id('chats')}>Chats watched by id</label>
          <input id={id('chats')} className="mb-select" placeholder="-1001234567890, …" value={chatIds} onChange={(e) => setChatIds(e.target.value)} />
        </>
      )}
      {connection.kind === 'discord' && (
        <>
          <label htmlFor={id('join')}>Server join requests (new API)</label>
          <input id={id('join')} type="checkbox" checked={joinRequests} onChange={(e) => setJoinRequests(e.target.checked)} />
        </>
      )}
      {/* aria-disabled, not disabled: focus stays on the button while main checks, and a second submit is ignored above. */}
      <button type="submit" className="mb-button mb-button--primary" aria-disabled={busy} aria-busy={busy}>
        {busy ? (connection.kind === 'discourse' ? 'Checking with the site…' : 'Saving…') : 'Save'}
      </button>
      <button type="button" className="mb-button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
