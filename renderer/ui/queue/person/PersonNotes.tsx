import type { PersonNote } from '@shared/domain/decisions';
import { formatAge } from '../../format';
import { InlineText } from '../../InlineText';
import { LongText } from '../../LongText';
import { AddNoteForm } from './AddNoteForm';

/** Moderators' notes about this person, newest last, and a form to add one. */
export function PersonNotes({ memberId, notes, onAdded }: { memberId: string; notes: readonly PersonNote[]; onAdded: () => void }) {
  return (
    <section aria-labelledby="jr-person-notes">
      <h4 id="jr-person-notes">Notes ({notes.length})</h4>
      {notes.length > 0 && (
        <ul className="jr-list">
          {notes.map((note) => (
            <li key={note.id}>
              <LongText text={note.body} />
              <span className="mb-muted">
                <InlineText text={note.actor} />, {formatAge(note.createdAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <AddNoteForm memberId={memberId} onAdded={onAdded} />
    </section>
  );
}
