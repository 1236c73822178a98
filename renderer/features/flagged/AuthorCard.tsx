import { useState } from 'react';
import type { LiftSanctionInput } from '@shared/contract/flagged';
import type { ConnectionCapabilities, FlagAuthor } from '@shared/domain/flagged';
import { PersonHeader } from '../../ui/queue/person/PersonHeader';
import { PersonNotes } from '../../ui/queue/person/PersonNotes';
import { PersonReports } from '../../ui/queue/person/PersonReports';
import { AuthorActionItem } from './AuthorActionItem';
import { ConversationMessageItem } from './ConversationMessageItem';
import { standingText } from './flaggedColumns';
import { LiftEverywhere } from './LiftEverywhere';

interface Props {
  readonly author: FlagAuthor;
  readonly capabilities: readonly ConnectionCapabilities[] | undefined;
  readonly onLift: (input: LiftSanctionInput) => Promise<boolean>;
  readonly onNoteAdded: () => void;
}

/** The author across all your communities: standing, latest messages elsewhere, earlier reports and actions (bans and mutes liftable), notes. */
export function AuthorCard({ author, capabilities, onLift, onNoteAdded }: Props) {
  const personId = author.memberId;
  const [now] = useState(() => Date.now());
  return (
    <section className="mb-card jr-person" aria-labelledby="fl-author-name">
      <PersonHeader person={author} headingId="fl-author-name" meta={` · standing: ${standingText(author.standing) || 'clean'}`} />
      <section aria-labelledby="fl-author-messages">
        <h4 id="fl-author-messages">Their recent messages ({author.recentMessages.length})</h4>
        <ol className="fl-conversation">
          {author.recentMessages.map((message) => (
            <ConversationMessageItem key={message.id} message={message} repliesTo={undefined} showCommunity />
          ))}
        </ol>
      </section>
      <PersonReports reports={author.reports} />
      <section aria-labelledby="fl-author-actions">
        <h4 id="fl-author-actions">Earlier actions on them ({author.actions.length})</h4>
        <LiftEverywhere actions={author.actions} authorName={author.displayName} capabilities={capabilities} now={now} onLift={(kind) => onLift({ personId, communities: 'all', kind })} />
        <ul className="jr-list">
          {author.actions.map((action) => (
            <AuthorActionItem
              key={action.id}
              action={action}
              authorName={author.displayName}
              capabilities={capabilities}
              now={now}
              onLift={(kind, communityId) => onLift({ personId, communities: [communityId], kind })}
            />
          ))}
        </ul>
      </section>
      <PersonNotes memberId={author.memberId} notes={author.notes} onAdded={onNoteAdded} />
    </section>
  );
}
