import { useState, type FormEvent } from 'react';
import { useApi } from '../../client/ApiProvider';

type Kind = 'telegram' | 'discourse' | 'discord';

const KINDS: readonly { kind: Kind; label: string; address: string; token: string }[] = [
  { kind: 'telegram', label: 'Telegram (bot)', address: 'https://api.telegram.org', token: 'Bot token from @BotFather' },
  { kind: 'discourse', label: 'Discourse', address: 'https://forum.example.com', token: 'Admin API key' },
  { kind: 'discord', label: 'Discord (bot)', address: 'https://discord.com/api/v10', token: 'Bot token' },
];

/**
 * Connects a real platform. The token field is a password field and the value goes
 * straight to main, which checks it with the platform and keeps it in the vault.
 */
export function AddConnectionForm({ onAdded }: { onAdded(name: string): void }) {
  const api = useApi();
  const [kind, setKind] = useState<Kind>('telegram');
  const [name, setName] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [token, setToken] = useState('');
  const [username, setUsername] = useState('');
  const [chatIds, setChatIds] = useState('');
  const [joinRequests, setJoinRequests] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const spec = KINDS.find((k) => k.kind === kind) ?? KINDS[0]!;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await api.call('connections.add', {
      kind,
      name: name.trim() || spec.label,
      token,
      ...(baseUrl.trim() ? { baseUrl: baseUrl.trim() } : {}),
      ...(kind === 'discourse' && username.trim() ? { username: username.trim() } : {}),
      ...(kind === 'telegram' && chatIds.trim() ? { chatIds: chatIds.split(/[\s,]+/).filter(Boolean) } : {}),
      ...(kind === 'discord' ? { joinRequests } : {}),
    });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setToken('');
    onAdded(result.value.name);
  };

  return (
    <form className="mb-form" aria-label="Connect a platform" onSubmit={(event) => void submit(event)}>
      <label htmlFor="add-kind">Platform</label>
      <select id="add-kind" className="mb-select" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
        {KINDS.map((k) => (
          <option key={k.kind} value={k.kind}>
            {k.label}
          </option>
        ))}
      </select>
      <label htmlFor="add-name">Name</label>
      <input id="add-name" className="mb-select" value={name} placeholder={spec.label} maxLength={120} onChange={(e) => setName(e.target.value)} />
      <label htmlFor="add-address">Address</label>
      <input id="add-address" className="mb-select" value={baseUrl} placeholder={spec.address} maxLength={500} onChange={(e) => setBaseUrl(e.target.value)} />
      <label htmlFor="add-token">{spec.token}</label>
      <input id="add-token" className="mb-select" type="password" autoComplete="off" required value={token} onChange={(e) => setToken(e.target.value)} />
      {kind === 'discourse' && (
        <>
          <label htmlFor="add-username">API username</label>
          <input id="add-username" className="mb-select" value={username} placeholder="system" maxLength={60} onChange={(e) => setUsername(e.target.value)} />
        </>
      )}
      {kind === 'telegram' && (
        <>
          <label htmlFor="add-chats">Chat ids (optional)</label>
          <input id="add-chats" className="mb-select" value={chatIds} placeholder="-1001234567890, …" onChange={(e) => setChatIds(e.target.value)} />
        </>
      )}
      {kind === 'discord' && (
        <>
          <label htmlFor="add-join">Server join requests (new API)</label>
          <input id="add-join" type="checkbox" checked={joinRequests} onChange={(e) => setJoinRequests(e.target.checked)} />
        </>
      )}
      <span />
      <button type="submit" className="mb-button mb-button--primary" disabled={busy}>
        {busy ? 'Checking credentials…' : `Connect ${spec.label}`}
      </button>
      {error && (
        <p role="alert" className="mb-error" style={{ gridColumn: '1 / -1' }}>
          {error}
        </p>
      )}
    </form>
  );
}
