import { VIEW_IDS, viewLabel, type ViewId } from '@shared/keyboard/shortcuts';
import type { QueueCounts } from '@shared/domain/queues';
import { formatCount } from '../ui/format';

interface Props {
  readonly current: ViewId;
  readonly counts: QueueCounts | undefined;
  onGo(view: ViewId): void;
}

function badgeOf(view: ViewId, counts: QueueCounts | undefined): { text: string; label: string; alert: boolean } | null {
  if (!counts) return null;
  switch (view) {
    case 'join-requests':
      return { text: formatCount(counts.pendingJoinRequests), label: `${counts.pendingJoinRequests} pending`, alert: false };
    case 'flagged':
      return { text: formatCount(counts.openFlags), label: `${counts.openFlags} open`, alert: false };
    case 'announcements':
      return counts.activeAnnouncements > 0
        ? { text: formatCount(counts.activeAnnouncements), label: `${counts.activeAnnouncements} in progress`, alert: false }
        : null;
    case 'activity':
      if (counts.failedPushes > 0) return { text: `${formatCount(counts.failedPushes)} failed`, label: `${counts.failedPushes} failed pushes`, alert: true };
      return counts.pendingPushes > 0
        ? { text: formatCount(counts.pendingPushes), label: `${counts.pendingPushes} pushes pending`, alert: false }
        : null;
    default:
      return null;
  }
}

export function Navigation({ current, counts, onGo }: Props) {
  return (
    <nav className="mb-nav" aria-label="Views">
      {VIEW_IDS.map((view) => {
        const badge = badgeOf(view, counts);
        return (
          <button
            key={view}
            type="button"
            className="mb-nav-item"
            aria-current={view === current ? 'page' : undefined}
            aria-label={badge ? `${viewLabel(view)}, ${badge.label}` : viewLabel(view)}
            onClick={() => onGo(view)}
          >
            <span>{viewLabel(view)}</span>
            {badge && <span className={badge.alert ? 'mb-badge mb-badge--alert' : 'mb-badge'}>{badge.text}</span>}
          </button>
        );
      })}
    </nav>
  );
}
