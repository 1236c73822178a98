import type { SyncState } from '@shared/domain/join-request';

const SYNC_TEXT: Readonly<Record<SyncState, string>> = {
  synced: '',
  'pending-push': 'pending push',
  failed: 'push failed',
  conflict: 'conflict',
};

/** A row's status and where its decision stands with the platform. */
export function StatusPill({ status, syncState, by }: { status: string; syncState: SyncState; by?: string | null }) {
  const tone = syncState === 'failed' || syncState === 'conflict' ? 'mb-pill--bad' : syncState === 'pending-push' ? 'mb-pill--warn' : '';
  const text = status === 'handled-elsewhere' && by ? `handled by ${by}` : status;
  return (
    <span className="mb-text" title={SYNC_TEXT[syncState] || undefined}>
      <span className="mb-pill">{text}</span>
      {syncState !== 'synced' && <span className={`mb-pill ${tone}`}>{SYNC_TEXT[syncState]}</span>}
    </span>
  );
}
