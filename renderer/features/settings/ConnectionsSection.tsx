import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../client/ApiProvider';
import { useQuery } from '../../client/hooks';
import { AddConnectionForm } from './AddConnectionForm';
import { ConnectionCard } from './connections/ConnectionCard';

/** The platforms this console is connected to: one card each (test, pause, edit, reconnect, remove), then adding one. */
export function ConnectionsSection() {
  const api = useApi();
  const connections = useQuery('connections.list', {}, ['communities', 'outbox']);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const report = (text: string, error: boolean) => {
    setMessage({ text, error });
    connections.reload();
  };
  const heading = useRef<HTMLHeadingElement>(null);
  /** A removed connection's card takes its focused button with it: once the list no longer has it, focus goes to the heading. */
  const removedId = useRef<string | null>(null);
  useEffect(() => {
    const removed = removedId.current;
    if (removed === null || !connections.data || connections.data.some((connection) => connection.id === removed)) return;
    removedId.current = null;
    heading.current?.focus();
  }, [connections.data]);

  return (
    <section className="mb-card" style={{ margin: 16 }} aria-labelledby="connections-title">
      <h3 id="connections-title" ref={heading} tabIndex={-1}>
        Connections
      </h3>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'mb-error' : 'mb-muted'}>
          {message.text}
        </p>
      )}
      {connections.error && <p className="mb-error">{connections.error.message}</p>}
      <div className="mb-cards" style={{ padding: 0 }}>
        {(connections.data ?? []).map((connection) => (
          <ConnectionCard key={connection.id} connection={connection} onDone={report} onRemoving={() => (removedId.current = connection.id)} />
        ))}
      </div>
      {connections.data?.length === 0 && <p className="mb-muted">No connections.</p>}
      <p>
        <button
          type="button"
          className="mb-button"
          onClick={() =>
            void api.call('connections.addSandbox', {}).then((result) => report(result.ok ? 'Sandbox network added; syncing.' : result.error.message, !result.ok))
          }
        >
          Add a Sandbox network
        </button>
      </p>
      <h3>Connect a platform</h3>
      <AddConnectionForm onAdded={(name) => report(`${name} connected; syncing.`, false)} />
    </section>
  );
}
