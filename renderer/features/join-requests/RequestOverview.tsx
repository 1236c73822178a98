import type { JoinRequestDetail } from '@shared/domain/decisions';
import { formatAge } from '../../ui/format';
import { StatusPill } from '../../ui/StatusPill';
import { SIGNAL_LABELS } from './signals';
import { SyncStateNote } from './SyncStateNote';
import { InlineText } from './InlineText';

/** Where and when the request came, its status with the platform, and its signals. */
export function RequestOverview({ request }: { request: JoinRequestDetail }) {
  return (
    <div className="jr-overview">
      <p>
        to <InlineText text={request.communityName} />
        {request.parentCommunityName && (
          <span className="mb-muted">
            {' '}
            in <InlineText text={request.parentCommunityName} />
          </span>
        )}{' '}
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
