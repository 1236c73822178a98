import type { ReactNode } from 'react';
import { InlineText } from '../../InlineText';
import { accountAgeText } from './accountAge';
import { ProfileLink } from './ProfileLink';

interface Person {
  readonly displayName: string;
  readonly username: string | null;
  readonly accountCreatedAt: number | null;
  readonly profileUrl: string | null;
}

/** The top of a person card: the name (labelling the card, by `headingId`), @username, account age, profile link. */
export function PersonHeader({ person, headingId, meta }: { person: Person; headingId: string; meta?: ReactNode }) {
  return (
    <>
      <h3 id={headingId} className="jr-person-name">
        <InlineText text={person.displayName} max={2000} />
      </h3>
      <p className="mb-muted jr-person-meta">
        {person.username && (
          <>
            @<InlineText text={person.username} max={200} /> ·{' '}
          </>
        )}
        account {accountAgeText(person.accountCreatedAt)}
        {meta}{' '}
        <ProfileLink url={person.profileUrl} name={person.displayName} />
      </p>
    </>
  );
}
