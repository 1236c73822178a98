import type { ViewId } from '@shared/keyboard/shortcuts';
import { useQuery } from '../client/hooks';

/**
 * Shown above every view when this start found the database damaged: it was set aside
 * (never deleted) and the console runs on an empty one, so the queues look empty for a
 * reason the moderator must see before deciding anything. Settings offers the backups.
 */
export function RecoveryBanner({ view, onGo }: { view: ViewId; onGo: (view: ViewId) => void }) {
  const recovery = useQuery('app.recovery', {}, []);
  const setAside = recovery.data?.setAside;
  if (!setAside) return null;
  const backups = recovery.data?.backups.length ?? 0;
  return (
    <div role="alert" className="mb-banner mb-banner--error mb-recovery-banner">
      <span>
        The database was damaged and set aside as <code>{setAside.file}</code> (nothing was deleted); Modboard started with an empty one.{' '}
        {backups > 0 ? `${backups} automatic backup${backups === 1 ? '' : 's'} can be restored.` : 'There is no automatic backup to restore.'}
      </span>
      {backups > 0 && view !== 'settings' && (
        <button type="button" className="mb-button" onClick={() => onGo('settings')}>
          Restore a backup…
        </button>
      )}
    </div>
  );
}
