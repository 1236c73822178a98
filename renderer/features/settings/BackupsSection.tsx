import { useState } from 'react';
import type { BackupSummary } from '@shared/contract/app';
import { useApi } from '../../client/ApiProvider';
import { useQuery } from '../../client/hooks';
import { formatAge } from '../../ui/format';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(bytes < 10_485_760 ? 1 : 0)} MB`;

/**
 * The automatic backups, and restoring one. When this start found the database damaged
 * (it was set aside and the console runs on an empty one), the section says so first.
 * A restore sets the database in use aside (never deleted), so it asks once before.
 */
export function BackupsSection() {
  const api = useApi();
  const recovery = useQuery('app.recovery', {}, []);
  const [confirming, setConfirming] = useState<BackupSummary | null>(null);
  const [restoring, setRestoring] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const restore = async (backup: BackupSummary) => {
    setRestoring(true);
    setError(null);
    const result = await api.call('app.restoreBackup', { name: backup.name });
    if (result.ok) {
      // Every queue, count and view changed at once: start the page afresh on the restored data.
      window.location.reload();
      return;
    }
    setRestoring(false);
    setConfirming(null);
    setError(result.error.message);
    recovery.reload();
  };

  const status = recovery.data;
  return (
    <section className="mb-card" style={{ margin: 16 }} aria-labelledby="backups-title">
      <h3 id="backups-title">Backups</h3>
      {status?.setAside && (
        <div role="alert" className="mb-error">
          <p>
            The database was damaged ({status.setAside.detail}) and was set aside as <code>{status.setAside.file}</code>; nothing was deleted.
            Modboard started with an empty database.
          </p>
          <p>{status.backups.length > 0 ? 'Restore one of the automatic backups below.' : 'There is no automatic backup to restore.'}</p>
        </div>
      )}
      {error && (
        <p role="alert" className="mb-error">
          {error}
        </p>
      )}
      {status && status.backups.length === 0 && !status.setAside && (
        <p className="mb-muted">No automatic backup yet: the first is taken a minute after start, then every 6 hours; the newest 5 are kept.</p>
      )}
      {status && status.backups.length > 0 && (
        <table className="mb-shortcuts" aria-label="Automatic backups">
          <thead>
            <tr>
              <th scope="col">Taken</th>
              <th scope="col">Size</th>
              <th scope="col">
                <span className="mb-muted">Restore</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {status.backups.map((backup) => (
              <tr key={backup.name}>
                <td>
                  {dateTime.format(backup.takenAt)} <span className="mb-muted">({formatAge(backup.takenAt)})</span>
                </td>
                <td>{megabytes(backup.bytes)}</td>
                <td>
                  <button type="button" className="mb-button" disabled={restoring} onClick={() => setConfirming(backup)} aria-label={`Restore the backup taken ${dateTime.format(backup.takenAt)}`}>
                    Restore…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirming && (
        <div role="group" aria-label="Confirm the restore" style={{ marginTop: 12 }}>
          <p>
            Restore the backup taken {dateTime.format(confirming.takenAt)}? The database in use now is set aside beside it (not deleted); anything done
            since that backup is not in it. Pushes the backup still had queued are checked with each platform before anything is sent again.
          </p>
          <button type="button" className="mb-button mb-button--primary" disabled={restoring} onClick={() => void restore(confirming)}>
            {restoring ? 'Restoring…' : 'Restore this backup'}
          </button>{' '}
          <button type="button" className="mb-button" disabled={restoring} onClick={() => setConfirming(null)}>
            Cancel
          </button>
        </div>
      )}
    </section>
  );
}
