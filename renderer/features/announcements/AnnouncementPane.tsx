import { useQuery } from '../../client/hooks';
import { DraftEditor } from './DraftEditor';
import { SentAnnouncement } from './SentAnnouncement';

interface Props {
  readonly id: string;
  readonly onClose: () => void;
  readonly onOpen: (id: string) => void;
}

/** The open announcement: its editor while a draft, its receipts once it is sent or scheduled. */
export function AnnouncementPane({ id, onClose, onOpen }: Props) {
  const detail = useQuery('announcements.get', { id }, ['announcements']);
  if (!detail.data) {
    return (
      <section className="an-pane" aria-label="Announcement">
        {detail.error ? (
          <p role="alert" className="mb-error">
            {detail.error.message}
          </p>
        ) : (
          <p className="mb-muted">Loading…</p>
        )}
      </section>
    );
  }
  return detail.data.status === 'draft' ? (
    <DraftEditor detail={detail.data} onClose={onClose} />
  ) : (
    <SentAnnouncement detail={detail.data} onClose={onClose} onOpen={onOpen} />
  );
}
