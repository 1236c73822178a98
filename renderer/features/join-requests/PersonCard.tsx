import type { PersonCard as Person } from '@shared/domain/decisions';
import { PersonHeader } from '../../ui/queue/person/PersonHeader';
import { PersonNotes } from '../../ui/queue/person/PersonNotes';
import { PersonReports } from '../../ui/queue/person/PersonReports';
import { PersonRequests } from './PersonRequests';

/** This person across all your communities. */
export function PersonCard({ person, requestId, onNoteAdded }: { person: Person; requestId: string; onNoteAdded: () => void }) {
  return (
    <section className="mb-card jr-person" aria-labelledby="jr-person-name">
      <PersonHeader person={person} headingId="jr-person-name" />
      <PersonRequests requests={person.requests} currentId={requestId} />
      <PersonReports reports={person.reports} />
      <PersonNotes memberId={person.memberId} notes={person.notes} onAdded={onNoteAdded} />
    </section>
  );
}
