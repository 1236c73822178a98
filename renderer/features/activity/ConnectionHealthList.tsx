import { useState } from 'react';
import type { StreamProgress } from '@shared/domain/sync';
import { useEvent, useQuery } from '../../client/hooks';
import { formatAge } from '../../ui/format';

const STATE_TEXT = { active: 'Healthy', paused: 'Paused', 'needs-reauth': 'Needs reconnecting' } as const;

/** One card per connection: state, push backlog, and each stream's last or running pull. */
export function ConnectionHealthList() {
  const overview = useQuery('sync.overview', {}, ['outbox', 'communities']);
  const [live, setLive] = useState<ReadonlyMap<string, StreamProgress>>(new Map());
  useEvent('sync.progress', (p) => setLive((m) => new Map(m).set(`${p.connectionId}/${p.stream}`, p)));
  if (overview.error) return <p className="mb-banner mb-banner--error">{overview.error.message}</p>;
  const connections = overview.data?.connections ?? [];
  if (connections.length === 0) return <p className="mb-empty">No connections yet.</p>;
  return (
    <div className="mb-cards">
      {connections.map((connection) => (
        <section key={connection.connectionId} className="mb-card" aria-label={`Connection ${connection.name}`}>
          <h3>
            <span className="mb-text">{connection.name}</span>{' '}
            <span className={connection.state === 'active' ? 'mb-pill mb-pill--good' : 'mb-pill mb-pill--bad'}>
              {STATE_TEXT[connection.state]}
            </span>
          </h3>
          {connection.stateReason && <p className="mb-error">{connection.stateReason}</p>}
          <p className="mb-muted">
            {connection.pendingPushes} pushes pending · {connection.failedPushes} failed
          </p>
          {connection.streams.map((stored) => {
            const stream = live.get(`${connection.connectionId}/${stored.stream}`) ?? stored;
            return (
              <div key={stream.stream}>
                <div>
                  {stream.stream}: {stream.phase === 'running' ? 'pulling' : stream.phase}
                  {' · '}
                  {stream.itemsPulled.toLocaleString()} items
                  {stream.lastRunAt ? ` · last ${formatAge(stream.lastRunAt)}` : ''}
                </div>
                {stream.phase === 'running' && (
                  <progress
                    className="mb-progress"
                    aria-label={`${connection.name} ${stream.stream} pull progress`}
                    max={stream.itemsExpected ?? undefined}
                    value={stream.itemsExpected ? stream.itemsPulled : undefined}
                  />
                )}
                {stream.lastError && <div className="mb-error">{stream.lastError}</div>}
              </div>
            );
          })}
        </section>
      ))}
    </div>
  );
}
