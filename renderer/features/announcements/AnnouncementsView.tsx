import { ViewHeader } from '../../ui/ViewHeader';
import { useQuery } from '../../client/hooks';

/**
 * The announcement desk. Until its composer lands, this view states plainly what
 * the store holds rather than showing controls that do nothing.
 */
export function AnnouncementsView() {
  const counts = useQuery('queues.counts', {}, ['announcements']);
  const active = counts.data?.activeAnnouncements ?? 0;
  return (
    <>
      <ViewHeader title="Announcements" />
      <div className="mb-empty" role="status">
        {active === 0
          ? 'No announcements yet. Composing and sending announcements to many groups at once is not available in this version.'
          : `${active} announcements are in progress.`}
      </div>
    </>
  );
}
