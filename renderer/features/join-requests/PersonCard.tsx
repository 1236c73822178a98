import type { PersonCard as Person } from '@shared/domain/decisions';
import { accountAgeText } from './accountAge';
import { PersonNotes } from './PersonNotes';
import { PersonReports } from './PersonReports';
import { PersonRequests } from './PersonRequests';
import { ProfileLink } from './ProfileLink';
import { InlineText } from './InlineText';

/** This person across all your communities. */
export function PersonCard({ person, requestId, onNoteAdded }: { person: Person; requestId: string; onNoteAdded: () => void }) {
  return (
    <section className="mb-card jr-person" aria-labelledby="jr-person-name">
      <h3 id="jr-person-name" className="jr-person-name">
        <InlineText text={person.displayName} max={2000} />
      </h3>
      <p className="mb-muted jr-person-meta">
        {person.username && (
          <>
            @<InlineText text={person.username} max={200} /> ·{' '}
          </>
        )}
        account {accountAgeText(person.accountCreatedAt)}{' '}
        <ProfileLink url={person.profileUrl} name={person.displayName} />
      </p>
      <PersonRequests requests={person.requests} currentId={requestId} />
      <PersonReports reports={person.reports} />
      <PersonNotes memberId={person.memberId} notes={person.notes} onAdded={onNoteAdded} />
    </section>
  );
}
