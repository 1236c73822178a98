import type { JoinRequestDetail } from '@shared/domain/decisions';
import { CommunityName } from '../../ui/CommunityName';
import { formatAge } from '../../ui/format';
import { SyncStateNote } from '../../ui/queue/SyncStateNote';
import { StatusPill } from '../../ui/StatusPill';
import { SIGNAL_LABELS } from './signals';

/** Where and when the request came, its status with the platform, and its signals. */
export function RequestOverview({ request }: { request: JoinRequestDetail }) {
  return (
    <div className="jr-overview">
      <p>
        to <CommunityName name={request.communityName} parentName={request.parentCommunityName} />{' '}
        · {request.platform} · requested {formatAge(request.requestedAt)}
      </p>
      <p>
        <StatusPill status={request.status} syncState={request.syncState} by={request.handledElsewhereBy} />
      </p>
      <SyncStateNote request={request} />
      {request.signals.length > 0 && (
        <p className="jr-signals" aria-label="Signals">
          {request.signals.map((signal) => (
            <span key={signal} className="mb-pill mb-pill--warn">
              {SIGNAL_LABELS[signal]}
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
