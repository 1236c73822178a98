import type { FlagDetail } from '@shared/domain/flagged';
import { formatAge } from '../../ui/format';
import { StatusPill } from '../../ui/StatusPill';
import { InlineText } from '../join-requests/InlineText';
import { SyncStateNote } from '../join-requests/SyncStateNote';

/** Where it was posted, where its decision stands with the platform, and whether an alert rule raised it. */
export function FlagOverview({ detail }: { detail: FlagDetail }) {
  // SyncStateNote reads the status only to tell "handled elsewhere"; the rest are the same fields.
  const sync = { ...detail, status: detail.status === 'handled-elsewhere' ? ('handled-elsewhere' as const) : ('pending' as const) };
  return (
    <div className="jr-overview">
      <p>
        in <InlineText text={detail.communityName} />
        {detail.parentCommunityName && (
          <span className="mb-muted">
            {' '}
            in <InlineText text={detail.parentCommunityName} />
          </span>
        )}{' '}
        · {detail.platform} · sent {formatAge(detail.message.sentAt)}
        {detail.source === 'rule' && <span className="mb-pill mb-pill--warn">raised by an alert rule</span>}
      </p>
      <p>
        <StatusPill status={detail.status} syncState={detail.syncState} by={detail.handledElsewhereBy} />
      </p>
      <SyncStateNote request={sync} />
    </div>
  );
}
