import type { AuthorAction, FlagAuthor } from '@shared/domain/flagged';
import { formatAge } from '../../ui/format';
import { accountAgeText } from '../join-requests/accountAge';
import { InlineText } from '../join-requests/InlineText';
import { PersonNotes } from '../join-requests/PersonNotes';
import { PersonReports } from '../join-requests/PersonReports';
import { ProfileLink } from '../join-requests/ProfileLink';
import { ConversationMessageItem } from './ConversationMessageItem';
import { standingText } from './flaggedColumns';

const until = (action: AuthorAction) => (action.until ? ` until ${new Date(action.until).toLocaleString()}` : '');

/** The author across all your communities: standing, latest messages elsewhere, earlier reports and actions, notes. */
export function AuthorCard({ author, onNoteAdded }: { author: FlagAuthor; onNoteAdded: () => void }) {
  return (
    <section className="mb-card jr-person" aria-labelledby="fl-author-name">
      <h3 id="fl-author-name" className="jr-person-name">
        <InlineText text={author.displayName} max={2000} />
      </h3>
      <p className="mb-muted jr-person-meta">
        {author.username && (
          <>
            @<InlineText text={author.username} max={200} /> ·{' '}
          </>
        )}
        account {accountAgeText(author.accountCreatedAt)} · standing: {standingText(author.standing) || 'clean'}{' '}
        <ProfileLink url={author.profileUrl} name={author.displayName} />
      </p>
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
        <ul className="jr-list">
          {author.actions.map((action) => (
            <li key={action.id} className={action.undone ? 'mb-muted' : undefined}>
              {action.kind}
              {action.communityName && (
                <>
                  {' '}
                  in <InlineText text={action.communityName} />
                </>
              )}
              {until(action)} <span className="mb-muted">{formatAge(action.at)}</span>
              {action.undone && <span className="mb-pill">undone</span>}
              {action.note && (
                <div className="mb-muted">
                  <InlineText text={action.note} max={300} />
                </div>
              )}
            </li>
          ))}
        </ul>
      </section>
      <PersonNotes memberId={author.memberId} notes={author.notes} onAdded={onNoteAdded} />
    </section>
  );
}
