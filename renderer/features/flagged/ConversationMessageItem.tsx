import type { ConversationMessage } from '@shared/domain/flagged';
import { formatAge } from '../../ui/format';
import { InlineText } from '../../ui/InlineText';
import { AttachmentList } from './AttachmentList';
import { hiddenReason } from './hiddenReason';
import { MessageBody } from './MessageBody';
import { useWellbeing } from './wellbeingContext';

interface Props {
  readonly message: ConversationMessage;
  /** The message it replies to, when that one is in view. */
  readonly repliesTo: ConversationMessage | undefined;
  readonly flagged?: boolean;
  /** Show where it was posted (the author's messages across communities). */
  readonly showCommunity?: boolean;
}

/**
 * One message: author, time, and what it replies to, then the text (always as text, in its
 * own direction; blurred as the moderator chose), then its attachments.
 */
export function ConversationMessageItem({ message, repliesTo, flagged = false, showCommunity = false }: Props) {
  const wellbeing = useWellbeing();
  const replyHidden = repliesTo ? hiddenReason(repliesTo.body, wellbeing) : null;
  return (
    <li className={flagged ? 'fl-message fl-message--flagged' : 'fl-message'} aria-current={flagged ? 'true' : undefined} data-message-id={message.externalId}>
      <div className="fl-message-head">
        <strong>
          <InlineText text={message.authorName} max={120} />
        </strong>
        <span className="mb-muted">{formatAge(message.sentAt)}</span>
        {showCommunity && (
          <span className="mb-muted">
            in <InlineText text={message.communityName} max={120} />
          </span>
        )}
        {flagged && <span className="mb-pill mb-pill--bad">flagged</span>}
        {message.removedAt !== null && <span className="mb-pill mb-pill--warn">removed</span>}
      </div>
      {repliesTo && (
        <div className="mb-muted fl-reply-to">
          ↳ replying to <InlineText text={repliesTo.authorName} max={80} />: {replyHidden ? <em>hidden ({replyHidden})</em> : <InlineText text={repliesTo.body} max={80} />}
        </div>
      )}
      <MessageBody body={message.body} authorName={message.authorName} />
      <AttachmentList attachments={message.attachments} authorName={message.authorName} />
    </li>
  );
}
