import { useState } from 'react';
import type { ConnectionSummary } from '@shared/domain/connection';
import { useApi } from '../../client/ApiProvider';
import { useQuery } from '../../client/hooks';
import { AddConnectionForm } from './AddConnectionForm';

const STATE_TEXT = { active: 'active', paused: 'paused', 'needs-reauth': 'needs reconnecting' } as const;

/** The platforms this console is connected to: add the Sandbox back, reconnect, remove. */
export function ConnectionsSection() {
  const api = useApi();
  const connections = useQuery('connections.list', {}, ['communities', 'outbox']);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const run = async (work: () => Promise<{ ok: boolean; error?: { message: string } }>, done: string) => {
    const result = await work();
    setMessage(result.ok ? { text: done, error: false } : { text: result.error?.message ?? 'Failed', error: true });
    connections.reload();
  };
  const remove = (c: ConnectionSummary) => {
    if (!window.confirm(`Remove ${c.name}? Its ${c.communityCount} communities and their queues leave this console. The audit log keeps its history.`)) return;
    void run(() => api.call('connections.remove', { id: c.id }), `${c.name} removed.`);
  };

  return (
    <section className="mb-card" style={{ margin: 16 }} aria-labelledby="connections-title">
      <h3 id="connections-title">Connections</h3>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'mb-error' : 'mb-muted'}>
          {message.text}
        </p>
      )}
      <table className="mb-shortcuts">
        <tbody>
          {(connections.data ?? []).map((c) => (
            <tr key={c.id}>
              <td className="mb-text">{c.name}</td>
              <td>{c.kind}</td>
              <td>{c.communityCount} communities</td>
              <td className={c.state === 'active' ? '' : 'mb-error'}>{STATE_TEXT[c.state]}</td>
              <td style={{ textAlign: 'end' }}>
                {c.state !== 'active' && (
                  <button type="button" className="mb-button" onClick={() => void run(() => api.call('connections.reconnect', { id: c.id }), `${c.name} reconnected.`)}>
                    Reconnect {c.name}
                  </button>
                )}{' '}
                <button type="button" className="mb-button" onClick={() => remove(c)}>
                  Remove {c.name}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {connections.data?.length === 0 && <p className="mb-muted">No connections.</p>}
      <p>
        <button type="button" className="mb-button" onClick={() => void run(() => api.call('connections.addSandbox', {}), 'Sandbox network added; syncing.')}>
          Add a Sandbox network
        </button>
      </p>
      <h3>Connect a platform</h3>
      <AddConnectionForm
        onAdded={(name) => {
          setMessage({ text: `${name} connected; syncing.`, error: false });
          connections.reload();
        }}
      />
    </section>
  );
}
