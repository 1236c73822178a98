import type { FlagDetail } from '@shared/domain/flagged';
import { CommunityName } from '../../ui/CommunityName';
import { formatAge } from '../../ui/format';
import { SyncStateNote } from '../../ui/queue/SyncStateNote';
import { StatusPill } from '../../ui/StatusPill';

/** Where it was posted, where its decision stands with the platform, and whether an alert rule raised it. */
export function FlagOverview({ detail }: { detail: FlagDetail }) {
  // SyncStateNote reads the status only to tell "handled elsewhere"; the rest are the same fields.
  const sync = { ...detail, status: detail.status === 'handled-elsewhere' ? ('handled-elsewhere' as const) : ('pending' as const) };
  return (
    <div className="jr-overview">
      <p>
        in <CommunityName name={detail.communityName} parentName={detail.parentCommunityName} />{' '}
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
