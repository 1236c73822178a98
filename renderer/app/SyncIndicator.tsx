import { useState } from 'react';
import type { StreamProgress, SyncOverview } from '@shared/domain/sync';
import { useEvent, useLinkState, useQuery } from '../client/hooks';
import { PausedConnections } from './PausedConnections';

/**
 * Footer status: the browser-mode link, then sync: running pulls with a progress bar,
 * a connection that needs reconnecting, or when everything last synced; beside it, the
 * connections the user paused, so a queue that stopped moving says why.
 */
export function SyncIndicator() {
  const overview = useQuery('sync.overview', {}, ['outbox', 'communities']);
  const paused = (overview.data?.connections ?? []).filter((c) => c.state === 'paused').map((c) => c.name);
  return (
    <div>
      <SyncStatus overview={overview.data} />
      <PausedConnections names={paused} />
    </div>
  );
}

function SyncStatus({ overview }: { readonly overview: SyncOverview | undefined }) {
  const link = useLinkState();
  const [live, setLive] = useState<ReadonlyMap<string, StreamProgress>>(new Map());
  useEvent('sync.progress', (progress) =>
    setLive((previous) => new Map(previous).set(`${progress.connectionId}/${progress.stream}`, progress)),
  );

  if (link !== 'open') {
    return (
      <div role="status" className="mb-error">
        {link === 'connecting' ? 'Connecting to Modboard…' : 'Connection to Modboard lost; reconnecting…'}
      </div>
    );
  }
  // A page opened mid-pull learns of it from the overview; live events since then are newer.
  const streams = new Map<string, StreamProgress>();
  for (const connection of overview?.connections ?? []) for (const stream of connection.streams) streams.set(`${stream.connectionId}/${stream.stream}`, stream);
  for (const [key, progress] of live) streams.set(key, progress);
  const running = [...streams.values()].filter((p) => p.phase === 'running');
  const refused = overview?.connections.filter((c) => c.state === 'needs-reauth') ?? [];
  if (refused.length > 0) {
    return (
      <div role="status" className="mb-error">
        {refused.map((c) => c.name).join(', ')} needs reconnecting
      </div>
    );
  }
  if (running.length > 0) {
    const pulled = running.reduce((sum, p) => sum + p.itemsPulled, 0);
    const expected = running.every((p) => p.itemsExpected !== null)
      ? running.reduce((sum, p) => sum + (p.itemsExpected ?? 0), 0)
      : null;
    return (
      <div role="status">
        <div>Syncing… {pulled.toLocaleString()} items</div>
        <progress className="mb-progress" aria-label="Sync progress" max={expected ?? undefined} value={expected ? pulled : undefined} />
      </div>
    );
  }
  const connections = overview?.connections ?? [];
  const lastRun = Math.max(0, ...connections.flatMap((c) => c.streams.map((s) => s.lastRunAt ?? 0)));
  return (
    <div role="status" className="mb-muted">
      {connections.length === 0
        ? 'No connections'
        : lastRun > 0
          ? `Synced ${new Date(lastRun).toLocaleTimeString()}`
          : 'Not synced yet'}
    </div>
  );
}
